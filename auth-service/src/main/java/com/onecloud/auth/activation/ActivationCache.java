package com.onecloud.auth.activation;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.onecloud.access.Activation;
import com.onecloud.access.Principal;
import com.onecloud.auth.AuthConfig;
import com.onecloud.auth.activation.ActivationStore.OrganizationFlags;
import com.onecloud.auth.activation.ActivationStore.UserFlag;
import com.onecloud.events.ActivationChanged;
import com.onecloud.revocation.ActivationListener;
import com.onecloud.revocation.RevocationFeed;

import io.smallrye.mutiny.Uni;

/**
 * The activations auth-service decides with, per organization and per user, so that a cached credential's decision
 * needs no lookup. Each is the newest version heard: from the view, from resource-service's announcement (a hop sooner
 * than the view) or from ticket-service's (once the view holds it). A read of the view that was overtaken by an
 * announcement keeps the announcement, so the order in which they arrive does not matter. An entry lives as long as a
 * verified credential does (the cache TTL; while the feed is out of touch, only what was heard within its bound).
 */
@Singleton // read on every decision: no client proxy to look the instance up on each call
public class ActivationCache implements ActivationListener {

    private record Held<T>(T flags, long version, long heldSince) {
    }

    private final ActivationStore store;
    private final Ticker ticker;
    private final Cache<String, Held<OrganizationFlags>> organizations;
    private final Cache<String, Held<UserFlag>> users;
    private final BooleanSupplier feedCurrent;
    private final long staleAfterNanos;

    @Inject
    ActivationCache(ActivationStore store, AuthConfig config, RevocationFeed feed) {
        this(store, config.cache().ttl(), config.cache().maxSize(), Ticker.systemTicker(), feed::isCurrent,
                RevocationFeed.STALE_AFTER);
    }

    ActivationCache(ActivationStore store, Duration ttl, long maxSize, Ticker ticker, BooleanSupplier feedCurrent,
            Duration staleAfter) {
        this.store = store;
        this.ticker = ticker;
        this.feedCurrent = feedCurrent;
        this.staleAfterNanos = staleAfter.toNanos();
        this.organizations = Caffeine.newBuilder().ticker(ticker).maximumSize(maxSize).expireAfterWrite(ttl).build();
        this.users = Caffeine.newBuilder().ticker(ticker).maximumSize(maxSize).expireAfterWrite(ttl).build();
    }

    /** The principal's activation if held and trusted now, else null. */
    public Activation cached(Principal principal) {
        OrganizationFlags organization = trusted(organizations, principal.organizationId());
        if (organization == null) {
            return null;
        }
        if (principal.userId() == null) {
            return activation(organization, UserFlag.UNKNOWN);
        }
        UserFlag user = trusted(users, userKey(principal.organizationId(), principal.userId()));
        return user == null ? null : activation(organization, user);
    }

    /**
     * The principal's activation: held, or (always, when {@code fresh}) read from the view and then held, unless an
     * announcement newer than what the view holds was heard meanwhile.
     */
    public Uni<Activation> of(Principal principal, boolean fresh) {
        Activation cached = fresh ? null : cached(principal);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        String organizationId = principal.organizationId();
        return store.find(organizationId, principal.userId()).map(found -> {
            OrganizationFlags organization = hold(organizations, organizationId, found.organization(),
                    found.organization().version());
            UserFlag user = principal.userId() == null ? UserFlag.UNKNOWN
                    : hold(users, userKey(organizationId, principal.userId()), found.user(), found.user().version());
            return activation(organization, user);
        });
    }

    @Override
    public void activationChanged(ActivationChanged change) {
        if (change.isUsers()) {
            hold(users, userKey(change.organizationId(), change.userId()),
                    new UserFlag(change.userApiEnabled(), change.version()), change.version());
        } else if (change.adminApiEnabled() != null) {
            hold(organizations, change.organizationId(),
                    new OrganizationFlags(change.adminApiEnabled(), change.userApiEnabled(), change.version()),
                    change.version());
        }
    }

    @Override
    public void positionLost() {
        organizations.invalidateAll();
        users.invalidateAll();
    }

    /** Holds {@code flags} unless a newer version is held; answers what is held then. */
    private <T> T hold(Cache<String, Held<T>> cache, String key, T flags, long version) {
        long now = ticker.read();
        return cache.asMap().compute(key, (k, held) -> held == null || version >= held.version()
                ? new Held<>(flags, version, now) : held).flags();
    }

    private <T> T trusted(Cache<String, Held<T>> cache, String key) {
        Held<T> held = cache.getIfPresent(key);
        if (held == null || ticker.read() - held.heldSince() >= staleAfterNanos && !feedCurrent.getAsBoolean()) {
            return null;
        }
        return held.flags();
    }

    private static Activation activation(OrganizationFlags organization, UserFlag user) {
        return new Activation(organization.adminApi(), organization.userApi(), user.userApi());
    }

    private static String userKey(String organizationId, String userId) {
        return organizationId + "/" + userId;
    }
}
