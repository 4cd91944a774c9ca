package com.onecloud.authclient;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.onecloud.access.Decision;
import com.onecloud.access.DecisionRequest;

import io.smallrye.mutiny.Uni;

/**
 * The fault-tolerant call to auth-service. A decision is a read, so one quick retry of a failed connection is safe;
 * a timeout is not retried (the caller is already waiting). The circuit breaker opens after two failed calls in a row
 * (a timeout included) and lets one call through after its delay: a hung or dead auth-service costs the requests of
 * that moment their wait, not every request until enough have piled up; meanwhile callers get their 503 at once.
 * Every value is overridable with MicroProfile Fault Tolerance configuration, e.g.
 * {@code com.onecloud.authclient.DecisionClient/decide/Timeout/value}.
 */
@ApplicationScoped
public class DecisionClient {

    private final DecisionApi api;

    DecisionClient(@RestClient DecisionApi api) {
        this.api = api;
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 2000, successThreshold = 1)
    @Bulkhead(value = 64, waitingTaskQueue = 512)
    public Uni<Decision> decide(DecisionRequest request) {
        return api.decide(request);
    }
}
