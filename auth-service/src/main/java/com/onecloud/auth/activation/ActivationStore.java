package com.onecloud.auth.activation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.onecloud.auth.AuthConfig;
import com.onecloud.http.problem.Unavailable;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads API activations (contract §3, rule 7) from ticket-service's read-only view {@code auth_v1.activation}, which
 * holds the newest version of what resource-service announced: one round trip for an organization's row and its user's.
 * A failure to answer is {@link Unavailable}, as for a credential lookup: never "allow".
 */
@ApplicationScoped
public class ActivationStore {

    /** An organization's flags and their version. */
    public record OrganizationFlags(boolean adminApi, boolean userApi, long version) {

        /** An organization the view does not know: nothing is activated, and any announcement is newer. */
        static final OrganizationFlags UNKNOWN = new OrganizationFlags(false, false, Long.MIN_VALUE);
    }

    /** A user's own User API flag and its version. */
    public record UserFlag(boolean userApi, long version) {

        /** A user the view does not know: the flag is on, its default, and any announcement is newer. */
        static final UserFlag UNKNOWN = new UserFlag(true, Long.MIN_VALUE);
    }

    /** What the view holds of an organization and (for a user principal) its user. */
    public record Found(OrganizationFlags organization, UserFlag user) {
    }

    private static final Logger LOG = Logger.getLogger(ActivationStore.class);

    static final String LOOKUP = "SELECT user_id, admin_api_enabled, user_api_enabled, version FROM auth_v1.activation"
            + " WHERE organization_id = $1 AND (user_id IS NULL OR user_id = $2)";

    private final Pool pool;
    private final Duration timeout;
    private final int retryAfterSeconds;

    ActivationStore(Pool pool, AuthConfig config) {
        this.pool = pool;
        this.timeout = config.db().timeout();
        this.retryAfterSeconds = config.db().retryAfterSeconds();
    }

    /** The organization's flags and, when {@code userId} is not null, its user's; unknown ones as their defaults. */
    public Uni<Found> find(String organizationId, String userId) {
        return pool.preparedQuery(LOOKUP).execute(Tuple.of(organizationId, userId))
                .ifNoItem().after(timeout).fail()
                .map(rows -> {
                    OrganizationFlags organization = OrganizationFlags.UNKNOWN;
                    UserFlag user = UserFlag.UNKNOWN;
                    for (Row row : rows) {
                        if (row.getString("user_id") == null) {
                            organization = new OrganizationFlags(row.getBoolean("admin_api_enabled"),
                                    row.getBoolean("user_api_enabled"), row.getLong("version"));
                        } else {
                            user = new UserFlag(row.getBoolean("user_api_enabled"), row.getLong("version"));
                        }
                    }
                    return new Found(organization, user);
                })
                .onFailure().transform(failure -> {
                    LOG.warnf("Activation lookup failed: %s", failure.toString());
                    return new Unavailable("The credential store cannot be reached; retry later.", retryAfterSeconds);
                });
    }
}
