package com.onecloud.authclient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.DecisionRequest;
import com.onecloud.access.credential.TokenFormat;

import io.quarkus.runtime.StartupEvent;

/**
 * Asks auth-service one throw-away question at start-up (a well-formed token that exists nowhere), so that the
 * connection, both services' code paths and auth-service's database lookup are warm before the first real request,
 * which would otherwise risk the decision timeout on a cold, busy machine. Best effort: failures are only logged.
 */
@ApplicationScoped
public class DecisionWarmup {

    private static final Logger LOG = Logger.getLogger(DecisionWarmup.class);

    private final DecisionClient client;

    DecisionWarmup(DecisionClient client) {
        this.client = client;
    }

    void warmUp(@Observes StartupEvent event) {
        String unknown = "Bearer " + TokenFormat.newToken(TokenFormat.newId());
        client.decide(new DecisionRequest(unknown, null, Audience.USER_API, Api.CONTACTS))
                .subscribe().with(
                        decision -> LOG.debugf("decision point answered the warm-up: %s", decision.outcome()),
                        failure -> LOG.infof("decision point not reachable at start-up (%s); requests will "
                                + "answer 503 until it is", failure.toString()));
    }
}
