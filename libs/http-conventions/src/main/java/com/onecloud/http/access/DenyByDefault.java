package com.onecloud.http.access;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import com.onecloud.http.access.EndpointAccess.Guarded;
import com.onecloud.http.access.EndpointAccess.Mistake;
import com.onecloud.http.conventions.Endpoints;
import com.onecloud.http.conventions.Endpoints.Endpoint;

import io.quarkus.runtime.StartupEvent;

/**
 * Contract §3 rule 8: every endpoint declares who may call it ({@link EndpointAccess}). Before anything else starts,
 * this reads the declaration of every resource method and refuses to start the service, naming each endpoint, when one
 * declares nothing or declares it wrongly, or when {@code @Protected} endpoints exist and no {@link AccessEnforcer}
 * does.
 */
@ApplicationScoped
public class DenyByDefault {

    private static final Logger LOG = Logger.getLogger(DenyByDefault.class);

    private final Endpoints endpoints;
    private final Instance<AccessEnforcer> enforcers;

    DenyByDefault(Endpoints endpoints, @Any Instance<AccessEnforcer> enforcers) {
        this.endpoints = endpoints;
        this.enforcers = enforcers;
    }

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        List<String> problems = new ArrayList<>();
        int guarded = 0;
        for (Endpoint endpoint : endpoints.all()) {
            EndpointAccess access = EndpointAccess.of(endpoint.method(), endpoint.resource());
            if (access instanceof Mistake mistake) {
                problems.add(endpoint.describe() + " " + mistake.problem());
            } else if (access instanceof Guarded) {
                guarded++;
            }
        }
        if (guarded > 0 && enforcers.isUnsatisfied()) {
            problems.add(guarded + " @Protected endpoints, but nothing authenticates them (add libs/auth-client)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Deny by default: every endpoint declares who may call it, and these do not:"
                    + "\n  - " + String.join("\n  - ", problems));
        }
        LOG.infof("Endpoints declared: %d protected, %d internal", guarded, endpoints.all().size() - guarded);
    }
}
