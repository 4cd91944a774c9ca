package com.onecloud.authclient;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.onecloud.revocation.RevocationFeed;

/**
 * A replica that caches decisions is ready only once it receives revocations: otherwise it could serve a revoked
 * credential from its cache for up to the cache's maximum age.
 */
@Readiness
@ApplicationScoped
public class RevocationReadiness implements HealthCheck {

    private final RevocationFeed feed;

    RevocationReadiness(RevocationFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("revocation-events").status(feed.isListening()).build();
    }
}
