package com.onecloud.auth.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import com.onecloud.auth.revocation.RevocationListener;

/**
 * Live as long as the revocation listener thread runs. A broker outage does not make it DOWN: the Kafka client
 * reconnects by itself and the cache TTL bounds staleness meanwhile (contract §6); {@code listening} reports whether
 * partitions are currently assigned.
 */
@Liveness
@ApplicationScoped
public class RevocationListenerHealth implements HealthCheck {

    private final RevocationListener listener;

    RevocationListenerHealth(RevocationListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("revocation-events")
                .status(!listener.hasFailed())
                .withData("listening", listener.isListening())
                .build();
    }
}
