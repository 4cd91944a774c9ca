package com.onecloud.auth.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.onecloud.access.AccessPolicy;
import com.onecloud.access.Activation;
import com.onecloud.access.Decision;
import com.onecloud.access.Decision.Outcome;
import com.onecloud.access.DecisionRequest;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.PresentedCredential;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.auth.AuthConfig;
import com.onecloud.auth.activation.ActivationCache;
import com.onecloud.auth.cache.VerifiedCredentialCache;
import com.onecloud.auth.credential.CredentialRecord;
import com.onecloud.auth.credential.CredentialStore;
import com.onecloud.auth.credential.CredentialVerifier;
import com.onecloud.auth.oidc.OidcTokenVerifier;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.revocation.SharedCalls;
import com.onecloud.usage.UsageReporter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Decides one request (contract §2 and §3): reads the presented credential, verifies it (from the cache or the
 * credential view) and applies the access policy, then rule 7's activation (from its cache or the activation view). A refusal never says which check failed, and never repeats the
 * credential.
 */
@Singleton // the fast lane calls it on every request: no client proxy to look the instance up on each call
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    static final String NO_CREDENTIAL = "No credential was presented.";
    static final String INVALID_TOKEN = "The credential is unknown, malformed, expired, revoked or has a wrong secret.";
    static final String OIDC_NOT_ACCEPTED = "OpenID Connect tokens are not accepted by this installation";

    private final VerifiedCredentialCache cache;
    private final ActivationCache activations;
    private final UsageReporter usage;
    private final CredentialStore store;
    private final OidcTokenVerifier oidc;
    private final Duration ttl;
    /** Looked up once: a registry lookup per decision allocates its tags and id every time. */
    private final Map<Outcome, Counter> decisionsByOutcome = new EnumMap<>(Outcome.class);
    private final Counter cacheHits;
    private final Counter cacheMisses;
    /**
     * Misses of the same credential at the same time share one lookup: a cached credential that expires under load
     * would otherwise be looked up once per waiting request (23-32 at once in the benchmark's warm runs).
     */
    private final SharedCalls<Verification> lookups = new SharedCalls<>();

    DecisionService(VerifiedCredentialCache cache, ActivationCache activations, UsageReporter usage,
            CredentialStore store, OidcTokenVerifier oidc, AuthConfig config, MeterRegistry metrics) {
        this.cache = cache;
        this.activations = activations;
        this.usage = usage;
        this.store = store;
        this.oidc = oidc;
        this.ttl = config.cache().ttl();
        for (Outcome outcome : Outcome.values()) {
            decisionsByOutcome.put(outcome, metrics.counter("onecloud.auth.decisions", "outcome", outcome.name()));
        }
        this.cacheHits = metrics.counter("onecloud.auth.cache.requests", "result", "hit");
        this.cacheMisses = metrics.counter("onecloud.auth.cache.requests", "result", "miss");
        FunctionCounter.builder("onecloud.auth.credential.lookups", store, CredentialStore::lookups)
                .description("Credential lookups that reached the database").register(metrics);
        Gauge.builder("onecloud.auth.cache.size", cache, VerifiedCredentialCache::size)
                .description("Verified credentials held in the cache").register(metrics);
    }

    /** Decides the request, looking its credential up or verifying its JWT when memory cannot answer. */
    public Uni<Decision> decide(DecisionRequest request) {
        requireAudience(request);
        PresentedCredential presented = PresentedCredential.parse(request.authorization(), request.queryToken());
        Decision known = decideFromMemory(presented, request);
        if (known != null) {
            return Uni.createFrom().item(counted(known));
        }
        return decideWithIo(presented, request).map(this::counted);
    }

    /**
     * The decision when it needs no I/O: a cached credential, or one refused on its form alone. Empty when the
     * credential must be looked up or its JWT verified; {@link #decide} does that.
     */
    public Optional<Decision> decideFromMemory(DecisionRequest request) {
        requireAudience(request);
        Decision known = decideFromMemory(PresentedCredential.parse(request.authorization(), request.queryToken()),
                request);
        return known == null ? Optional.empty() : Optional.of(counted(known));
    }

    /** Null when memory cannot answer. A cache miss is counted where the lookup runs, so it is counted once. */
    private Decision decideFromMemory(PresentedCredential presented, DecisionRequest request) {
        Decision refused = refusedOnItsForm(presented);
        if (refused != null || presented instanceof PresentedCredential.Jwt || request.fresh()) {
            return refused;
        }
        Optional<VerifiedCredentialCache.Hit> hit = cache.get(VerifiedCredentialCache.keyOf(presented));
        if (hit.isEmpty()) {
            return null;
        }
        Principal principal = hit.get().principal();
        Decision decision = AccessPolicy.decide(principal, request.audience(), request.api(),
                hit.get().remainingSeconds());
        if (concernsActivation(decision)) {
            Activation activation = activations.cached(principal);
            if (activation == null) {
                return null; // the credential's hit is counted where the activation is read
            }
            decision = activation.apply(decision, request.audience());
        }
        cacheHits.increment();
        return usageOf(principal, decision);
    }

    /**
     * A refusal decided by the credential's form alone: none, more than one, malformed or with a wrong checksum, or a
     * JWT where OpenID Connect is off. Null when the credential must be verified.
     */
    private Decision refusedOnItsForm(PresentedCredential presented) {
        if (presented instanceof PresentedCredential.None) {
            return Decision.refuse(Outcome.UNAUTHENTICATED, null, NO_CREDENTIAL, 0);
        }
        if (presented instanceof PresentedCredential.Ambiguous ambiguous) {
            return Decision.refuse(Outcome.INVALID_REQUEST, "invalid_request", ambiguous.reason(), 0);
        }
        if (presented instanceof PresentedCredential.Jwt) {
            return oidc.enabled() ? null : invalidToken(OIDC_NOT_ACCEPTED);
        }
        if (credentialIdOf(presented).isEmpty()) {
            // Malformed, truncated or a wrong checksum: refused without touching the database.
            return invalidToken(INVALID_TOKEN);
        }
        return null;
    }

    private Uni<Decision> decideWithIo(PresentedCredential presented, DecisionRequest request) {
        return presented instanceof PresentedCredential.Jwt jwt ? decideJwt(jwt, request)
                : decideTicket(presented, request);
    }

    private Uni<Decision> decideTicket(PresentedCredential presented, DecisionRequest request) {
        String key = VerifiedCredentialCache.keyOf(presented);
        Optional<VerifiedCredentialCache.Hit> hit = request.fresh() ? Optional.empty() : cache.get(key);
        if (hit.isPresent()) {
            cacheHits.increment();
            return decided(hit.get().principal(), hit.get().remainingSeconds(), request);
        }
        cacheMisses.increment();
        String shared = key + "#" + cache.evictions(); // never joins a lookup that a revocation overtook
        return lookups.share(shared, () -> verifyAndCache(presented, key)).chain(verification -> {
            if (verification.hit() != null) {
                return decided(verification.hit().principal(), verification.hit().remainingSeconds(), request);
            }
            usage.invalid(verification.refusedTicketId());
            return Uni.createFrom().item(invalidToken(INVALID_TOKEN));
        });
    }

    /** The access policy's and rule 7's decision on a verified principal, counted as its ticket's usage. */
    private Uni<Decision> decided(Principal principal, int cacheSeconds, DecisionRequest request) {
        Decision decision = AccessPolicy.decide(principal, request.audience(), request.api(), cacheSeconds);
        Uni<Decision> checked = concernsActivation(decision)
                ? activations.of(principal, request.fresh()).map(activation -> activation.apply(decision,
                        request.audience()))
                : Uni.createFrom().item(decision);
        return checked.map(d -> usageOf(principal, d));
    }

    /** Counts the decision as its ticket's usage (an OpenID Connect principal has none). */
    private Decision usageOf(Principal principal, Decision decision) {
        if (decision.outcome() == Outcome.ALLOW) {
            usage.allowed(principal.ticketId());
        } else if (decision.outcome() == Outcome.FORBIDDEN) {
            usage.forbidden(principal.ticketId());
        }
        return decision;
    }

    /** Rule 7 concerns an ALLOW for a principal of an organization (SUPERUSER principals are not affected). */
    private static boolean concernsActivation(Decision decision) {
        return decision.outcome() == Outcome.ALLOW && decision.principal().kind() != PrincipalKind.SUPERUSER;
    }

    /**
     * A lookup's outcome, shared by the requests that wait for it: the verified credential, or none and the ticket of a
     * known credential that was refused (wrong secret, revoked, expired), which is that ticket's invalid usage.
     */
    private record Verification(VerifiedCredentialCache.Hit hit, String refusedTicketId) {
    }

    /** Looks the credential up and verifies it; a verified one is cached, and lives as long as the cache says. */
    private Uni<Verification> verifyAndCache(PresentedCredential presented, String key) {
        String credentialId = credentialIdOf(presented).orElseThrow();
        long lookupStarted = cache.lookupStarted();
        return store.find(credentialId).map(stored -> {
            Instant now = Instant.now();
            var principal = stored.flatMap(s -> CredentialVerifier.verify(presented, s, now));
            if (principal.isEmpty()) {
                LOG.debugf("Refused credential %s (%s)", credentialId, stored.isPresent() ? "known" : "unknown");
                return new Verification(null, stored.map(CredentialRecord::ticketId).orElse(null));
            }
            int cacheSeconds = cache.put(key, credentialId, principal.get(), lookupStarted, now);
            return new Verification(new VerifiedCredentialCache.Hit(principal.get(), cacheSeconds), null);
        });
    }

    private Decision counted(Decision decision) {
        decisionsByOutcome.get(decision.outcome()).increment();
        return decision;
    }

    /** JWTs are verified locally on every request (no database, no cache) and have no ticket to revoke. */
    private Uni<Decision> decideJwt(PresentedCredential.Jwt jwt, DecisionRequest request) {
        return oidc.verify(jwt.jwt()).chain(principal -> {
            if (principal.isEmpty()) {
                return Uni.createFrom().item(invalidToken(INVALID_TOKEN));
            }
            Duration untilExpiry = Duration.between(Instant.now(), principal.get().expiresAt());
            int cacheSeconds = (int) Math.max(0, (untilExpiry.compareTo(ttl) < 0 ? untilExpiry : ttl).toSeconds());
            return decided(principal.get(), cacheSeconds, request);
        });
    }

    private static void requireAudience(DecisionRequest request) {
        if (request == null || request.audience() == null) {
            throw InvalidInput.of("audience", "audience is required (USER_API, ADMIN_API or PLATFORM).");
        }
    }

    private static Optional<String> credentialIdOf(PresentedCredential presented) {
        if (presented instanceof PresentedCredential.Token t) {
            return TokenFormat.credentialId(t.token());
        }
        if (presented instanceof PresentedCredential.TokenAndSecret ts && TokenFormat.isWellFormedSecret(ts.secret())) {
            return TokenFormat.credentialId(ts.token());
        }
        return Optional.empty();
    }

    private static Decision invalidToken(String description) {
        return Decision.refuse(Outcome.UNAUTHENTICATED, "invalid_token", description, 0);
    }
}
