package com.onecloud.authclient;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A replica that caches decisions is ready only once it receives revocations: otherwise it could serve a revoked
 * credential from its cache for up to the cache's maximum age.
 */
@Readiness
@ApplicationScoped
public class RevocationReadiness implements HealthCheck {

    private final RevocationListener listener;
    private final AuthClientConfig config;

    RevocationReadiness(RevocationListener listener, AuthClientConfig config) {
        this.listener = listener;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = !config.enabled() || listener.isListening();
        return HealthCheckResponse.named("revocation-events").status(up).build();
    }
}
