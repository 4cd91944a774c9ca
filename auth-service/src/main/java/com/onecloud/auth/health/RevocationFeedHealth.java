package com.onecloud.auth.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import com.onecloud.revocation.RevocationFeed;

/**
 * Live as long as the revocation feed's consumer runs. A broker outage does not make it DOWN: the Kafka client
 * reconnects by itself and the cache TTL bounds staleness meanwhile (contract §6); {@code listening} reports whether
 * partitions are currently assigned.
 */
@Liveness
@ApplicationScoped
public class RevocationFeedHealth implements HealthCheck {

    private final RevocationFeed feed;

    RevocationFeedHealth(RevocationFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("revocation-events")
                .status(feed.isRunning())
                .withData("listening", feed.isListening())
                .build();
    }
}
