package com.onecloud.authclient;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.onecloud.access.Activation;
import com.onecloud.access.Audience;
import com.onecloud.access.Decision;
import com.onecloud.access.Principal;
import com.onecloud.events.ActivationChanged;
import com.onecloud.revocation.ActivationListener;

/**
 * The API activation changes this replica heard of (contract §3, rule 7), kept as long as a cached decision lives. An
 * ALLOW, cached or fresh from auth-service, is refused when what was heard since denies it: a change switched off
 * reaches every request of this replica at once, even while an auth-service that has not heard of it yet still allows.
 * A change switched on only lifts the marker; auth-service decides as before. Nothing is dropped when the feed loses
 * its position: a marker that is refusing keeps refusing until a newer change or its end, so a missed change errs
 * towards refusal for at most the cache's lifetime.
 */
@Singleton // read on every request: no client proxy to look the instance up on each call
public class ActivationMarkers implements ActivationListener {

    private record OrganizationMarker(boolean adminApi, boolean userApi, long version) {
    }

    private record UserMarker(boolean userApi, long version) {
    }

    private final Cache<String, OrganizationMarker> organizations;
    private final Cache<String, UserMarker> users;

    ActivationMarkers(AuthClientConfig config) {
        this.organizations = Caffeine.newBuilder().maximumSize(config.cacheMaxSize())
                .expireAfterWrite(config.cacheMaxAge()).build();
        this.users = Caffeine.newBuilder().maximumSize(config.cacheMaxSize())
                .expireAfterWrite(config.cacheMaxAge()).build();
    }

    /** Keeps the change unless a newer one of the same organization or user was heard already. */
    @Override
    public void activationChanged(ActivationChanged change) {
        if (change.isUsers()) {
            users.asMap().merge(userKey(change.organizationId(), change.userId()),
                    new UserMarker(change.userApiEnabled(), change.version()),
                    (held, heard) -> heard.version() >= held.version() ? heard : held);
        } else if (change.adminApiEnabled() != null) {
            organizations.asMap().merge(change.organizationId(),
                    new OrganizationMarker(change.adminApiEnabled(), change.userApiEnabled(), change.version()),
                    (held, heard) -> heard.version() >= held.version() ? heard : held);
        }
    }

    @Override
    public void positionLost() {
        // Kept: see the class comment.
    }

    /** {@code decision}, or rule 7's refusal when a change heard here denies the principal on {@code audience}. */
    public Decision apply(Decision decision, Audience audience) {
        if (decision.outcome() != Decision.Outcome.ALLOW || decision.principal().organizationId() == null
                || organizations.estimatedSize() == 0 && users.estimatedSize() == 0) {
            return decision;
        }
        Principal principal = decision.principal();
        OrganizationMarker organization = organizations.getIfPresent(principal.organizationId());
        UserMarker user = principal.userId() == null ? null
                : users.getIfPresent(userKey(principal.organizationId(), principal.userId()));
        if (organization == null && user == null) {
            return decision;
        }
        return new Activation(organization == null || organization.adminApi(),
                organization == null || organization.userApi(), user == null || user.userApi())
                .apply(decision, audience);
    }

    private static String userKey(String organizationId, String userId) {
        return organizationId + "/" + userId;
    }
}
