package com.onecloud.auth.oidc;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.onecloud.access.Api;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.auth.AuthConfig;
import com.onecloud.http.problem.Unavailable;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;

/**
 * Verifies an OpenID Connect JWT with Quarkus OIDC (signature, expiry, issuer) through the tenant {@value #TENANT},
 * which is used only here, never for this service's own HTTP requests, and maps its claims to a USER or SUPERUSER
 * principal. OIDC principals have no ticket: {@code ticketId} is null and {@code subject} is the token's subject.
 * Created at start-up ({@code @Startup}), so that invalid configuration stops the service before it serves anything.
 */
@Startup
@ApplicationScoped
public class OidcTokenVerifier {

    public static final String TENANT = "decision";
    private static final Logger LOG = Logger.getLogger(OidcTokenVerifier.class);

    private final AuthConfig.Oidc config;
    private final TenantIdentityProvider identities;

    /** {@code @Tenant} on a TenantIdentityProvider injection point selects the tenant (Quarkus OIDC 3.33). */
    OidcTokenVerifier(AuthConfig config, @Tenant(TENANT) TenantIdentityProvider identities) {
        this.config = config.oidc();
        this.identities = identities;
        if (this.config.enabled()) {
            requireIssuerAndAudience(setting("token.issuer"), setting("token.audience"));
        }
    }

    /**
     * A provider's tokens are accepted only when they were issued by it for this platform: without an audience, a token
     * the provider issued to any other application of the same realm would be accepted here too.
     */
    static void requireIssuerAndAudience(Optional<String> issuer, Optional<String> audience) {
        if (issuer.isEmpty()) {
            throw new IllegalStateException("OpenID Connect is enabled but no issuer is configured: set"
                    + " ONECLOUD_AUTH_OIDC_ISSUER (quarkus.oidc." + TENANT + ".token.issuer)");
        }
        if (audience.isEmpty()) {
            throw new IllegalStateException("OpenID Connect is enabled but no audience is configured: set"
                    + " ONECLOUD_AUTH_OIDC_AUDIENCE (quarkus.oidc." + TENANT + ".token.audience) to the audience the"
                    + " provider puts in tokens issued for this platform");
        }
    }

    private static Optional<String> setting(String name) {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.oidc." + TENANT + "." + name, String.class)
                .filter(value -> !value.isBlank());
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * The principal the JWT proves, or empty when it is invalid (bad signature, expired, wrong issuer, unusable
     * claims). Fails with {@link Unavailable} when the token could not be checked at all (e.g. keys unreachable).
     */
    public Uni<Optional<Principal>> verify(String jwt) {
        return identities.authenticate(new AccessTokenCredential(jwt))
                .map(identity -> identity.getPrincipal() instanceof JsonWebToken token
                        ? principalOf(token)
                        : Optional.<Principal>empty())
                .onFailure(AuthenticationFailedException.class).recoverWithItem(failure -> {
                    LOG.debugf("Refused an OpenID Connect token: %s", failure.getClass().getSimpleName());
                    return Optional.empty();
                })
                .onFailure().transform(failure -> {
                    LOG.warnf("OpenID Connect verification failed: %s", failure.getClass().getName());
                    return new Unavailable("OpenID Connect tokens cannot be verified now; retry later.", 5);
                });
    }

    Optional<Principal> principalOf(JsonWebToken token) {
        String subject = token.getSubject();
        PrincipalKind kind = kindOf(token.getClaim(config.kindClaim()));
        if (kind == PrincipalKind.SUPERUSER && !config.superuserAllowed()) {
            LOG.debugf("Refused a SUPERUSER OpenID Connect token of subject %s: not allowed by configuration", subject);
            return Optional.empty();
        }
        if (subject == null || kind == null || token.getExpirationTime() <= 0) {
            LOG.debugf("Refused an OpenID Connect token of subject %s: no usable kind, subject or expiry", subject);
            return Optional.empty();
        }
        String organizationId = null;
        String userId = null;
        if (kind == PrincipalKind.USER) {
            organizationId = text(token.getClaim(config.organizationClaim()));
            userId = text(token.getClaim(config.userClaim()));
            if (organizationId == null || userId == null) {
                LOG.debugf("Refused a USER OpenID Connect token of subject %s without organization or user", subject);
                return Optional.empty();
            }
        }
        return Optional.of(new Principal(kind, subject, null, organizationId, userId,
                apisOf(token.getClaim(config.apisClaim())), Instant.ofEpochSecond(token.getExpirationTime())));
    }

    /** Only USER and SUPERUSER principals come from an identity provider (contract §2), SUPERUSER only if allowed. */
    private static PrincipalKind kindOf(Object claim) {
        String value = text(claim);
        if (value == null) {
            return null;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "USER" -> PrincipalKind.USER;
            case "SUPERUSER" -> PrincipalKind.SUPERUSER;
            default -> null;
        };
    }

    private static Set<Api> apisOf(Object claim) {
        Set<Api> apis = EnumSet.noneOf(Api.class);
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                add(apis, value instanceof JsonString s ? s.getString() : null);
            }
        } else if (claim instanceof Iterable<?> values) {
            values.forEach(v -> add(apis, text(v)));
        } else {
            String text = text(claim);
            if (text != null) {
                for (String name : text.split("[\\s,]+")) {
                    add(apis, name);
                }
            }
        }
        return apis;
    }

    private static void add(Set<Api> apis, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        try {
            apis.add(Api.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            // An API this version does not know is not granted.
        }
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString();
        }
        if (claim instanceof String s) {
            return s.isBlank() ? null : s;
        }
        return null;
    }
}
