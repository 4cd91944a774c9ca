package com.onecloud.authclient;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Decision;
import com.onecloud.access.DecisionRequest;
import com.onecloud.access.credential.CredentialHash;
import com.onecloud.http.access.AccessEnforcer;
import com.onecloud.http.access.EndpointAccess;
import com.onecloud.http.problem.Forbidden;
import com.onecloud.http.problem.Unauthenticated;
import com.onecloud.http.problem.Unavailable;
import com.onecloud.revocation.SharedCalls;
import com.onecloud.usage.UsageReporter;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Authenticates and authorizes every request to a {@code @Protected} endpoint by asking auth-service, after routing
 * (the decision depends on the endpoint's audience and API, known only once the endpoint is chosen). It fails closed:
 * when no decision can be had the request gets 503 with {@code Retry-After}, never the endpoint.
 */
public class AuthenticationFilter implements AccessEnforcer {

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class);
    private static final Decision NOT_VALID = Decision.refuse(Decision.Outcome.UNAUTHENTICATED, "invalid_token",
            "The credential is not valid.", 0);
    /**
     * Goes on with the request at once: RESTEasy Reactive suspends a request for a filter's {@code Uni} and resumes it
     * when it completes, even one already complete, which was a quarter of this filter's CPU on a cached decision.
     */
    private static final Uni<Void> GO_ON = null;

    private final DecisionClient client;
    private final DecisionCache cache;
    /** Requests that miss the cache with the same key at the same time share one call to auth-service. */
    private final SharedCalls<Decision> inFlight = new SharedCalls<>();
    private final ActivationMarkers activations;
    private final UsageReporter usage;
    private final Caller caller;
    private final AuthClientConfig config;
    private final Map<Method, EndpointAccess> declarations = new ConcurrentHashMap<>();

    AuthenticationFilter(DecisionClient client, DecisionCache cache, ActivationMarkers activations, UsageReporter usage,
            Caller caller, AuthClientConfig config) {
        this.client = client;
        this.cache = cache;
        this.activations = activations;
        this.usage = usage;
        this.caller = caller;
        this.config = config;
    }

    @ServerRequestFilter
    public Uni<Void> authenticate(ResourceInfo resource, HttpServerRequest request) {
        EndpointAccess access = declarations.computeIfAbsent(resource.getResourceMethod(),
                method -> EndpointAccess.of(method, resource.getResourceClass()));
        if (access instanceof EndpointAccess.InternalOnly) {
            return GO_ON;
        }
        if (!(access instanceof EndpointAccess.Guarded guarded)) {
            // DenyByDefault keeps such a service from starting; should one run anyway, nothing is served.
            throw new Forbidden("This endpoint is not served.", Challenges.INSUFFICIENT_SCOPE);
        }
        Audience audience = guarded.protection().audience();
        Api api = guarded.protection().api().length == 0 ? null : guarded.protection().api()[0];
        List<String> authorizations = request.headers().getAll(HttpHeaders.AUTHORIZATION);
        List<String> queryTokens = request.params().getAll("t");
        Decision repeated = LocalDecision.ofRepeated(authorizations, queryTokens);
        if (repeated != null) {
            admit(repeated, request);
            return GO_ON;
        }
        String authorization = authorizations.isEmpty() ? null : authorizations.get(0);
        String queryToken = queryTokens.isEmpty() ? null : queryTokens.get(0);
        String key = CredentialHash.sha256Hex(authorization + "\n" + queryToken) + "|" + audience + "|" + api;

        Decision cached = cache.get(key);
        if (cached != null) {
            admit(served(cached, activations.apply(cached, audience)), request);
            return GO_ON;
        }
        Decision local = LocalDecision.of(authorization, queryToken);
        if (local != null) {
            admit(local, request);
            return GO_ON;
        }
        DecisionRequest ask = new DecisionRequest(authorization, queryToken, audience, api, !cache.isFeedCurrent());
        return decide(key, ask).invoke(decision -> admit(decision, request)).replaceWithVoid();
    }

    /**
     * Asks auth-service; requests missing the cache with the same key at the same time share the call, unless the
     * cache was cleared in between, and a fresh request (see {@link DecisionCache#isFeedCurrent()}) never joins one that
     * auth-service may answer from its cache. A decision asked for before the cache was cleared (its revocation feed lost its
     * position, so a revocation may have been missed) is neither cached nor used: it is asked for again. An ALLOW for a
     * credential this replica knows to be revoked or ended is refused; a cached one needs no such check, since the
     * cache never keeps one past its revocation or end. Nor is an ALLOW cached or used that an activation change heard
     * here refuses ({@link ActivationMarkers}).
     */
    private Uni<Decision> decide(String key, DecisionRequest ask) {
        long epoch = cache.epoch();
        String call = key + "@" + epoch + (ask.fresh() ? "!" : "");
        return inFlight.share(call, () -> askAuthService(ask).invoke(d -> cache.put(key, d, epoch)))
                .onFailure().transform(this::unavailable)
                .chain(decision -> cache.epoch() == epoch ? Uni.createFrom().item(decision)
                        : askAuthService(ask).onFailure().transform(this::unavailable))
                .map(decision -> decision.outcome() == Decision.Outcome.ALLOW && cache.refuses(decision.principal())
                        ? NOT_VALID : decision);
    }

    /**
     * Counts a decision served from this replica's cache as its ticket's usage; auth-service counts those it makes.
     */
    private Decision served(Decision cached, Decision served) {
        if (served.outcome() == Decision.Outcome.ALLOW) {
            usage.allowed(cached.principal().ticketId());
        } else {
            usage.forbidden(cached.principal().ticketId());
        }
        return served;
    }

    /** auth-service's decision, unless an activation change heard here since refuses it. */
    private Uni<Decision> askAuthService(DecisionRequest request) {
        return client.decide(request).map(decision -> activations.apply(decision, request.audience()));
    }

    /** Lets the request through as the decision's principal, or throws the problem its refusal answers with. */
    private void admit(Decision decision, HttpServerRequest request) {
        switch (decision.outcome()) {
            case ALLOW -> caller.authenticatedAs(decision.principal(), request);
            case INVALID_REQUEST -> throw new InvalidCredentialRequest(decision.description());
            case UNAUTHENTICATED -> throw decision.error() == null
                    ? new Unauthenticated("A credential is required.", Challenges.MISSING)
                    : new Unauthenticated("The credential is not valid.", Challenges.INVALID_TOKEN);
            case FORBIDDEN -> throw new Forbidden(decision.description(), Challenges.INSUFFICIENT_SCOPE);
        }
    }

    private Throwable unavailable(Throwable cause) {
        LOG.warnf("no authentication decision: %s", cause.toString());
        return new Unavailable("The authentication service is unavailable; try again shortly.",
                config.retryAfterSeconds());
    }
}
