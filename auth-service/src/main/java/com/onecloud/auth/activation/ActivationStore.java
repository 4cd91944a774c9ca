package com.onecloud.auth.activation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.onecloud.access.Activation;
import com.onecloud.auth.AuthConfig;
import com.onecloud.http.problem.Unavailable;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads API activations (contract §3, rule 7) from ticket-service's read-only view {@code auth_v1.activation}, which
 * holds what resource-service announced: one round trip for an organization's row and its user's. An organization
 * without a row has activated nothing; a user without one has their own flag on. A failure to answer is
 * {@link Unavailable}, as for a credential lookup: never "allow".
 */
@ApplicationScoped
public class ActivationStore {

    private static final Logger LOG = Logger.getLogger(ActivationStore.class);

    static final String LOOKUP = "SELECT user_id, admin_api_enabled, user_api_enabled FROM auth_v1.activation"
            + " WHERE organization_id = $1 AND (user_id IS NULL OR user_id = $2)";

    private final Pool pool;
    private final Duration timeout;
    private final int retryAfterSeconds;

    ActivationStore(Pool pool, AuthConfig config) {
        this.pool = pool;
        this.timeout = config.db().timeout();
        this.retryAfterSeconds = config.db().retryAfterSeconds();
    }

    /** The activation of the organization and, when {@code userId} is not null, of its user. */
    public Uni<Activation> find(String organizationId, String userId) {
        return pool.preparedQuery(LOOKUP).execute(Tuple.of(organizationId, userId))
                .ifNoItem().after(timeout).fail()
                .map(rows -> {
                    boolean adminApi = false;
                    boolean organizationUserApi = false;
                    boolean userUserApi = true;
                    for (Row row : rows) {
                        if (row.getString("user_id") == null) {
                            adminApi = row.getBoolean("admin_api_enabled");
                            organizationUserApi = row.getBoolean("user_api_enabled");
                        } else {
                            userUserApi = row.getBoolean("user_api_enabled");
                        }
                    }
                    return new Activation(adminApi, organizationUserApi, userUserApi);
                })
                .onFailure().transform(failure -> {
                    LOG.warnf("Activation lookup failed: %s", failure.toString());
                    return new Unavailable("The credential store cannot be reached; retry later.", retryAfterSeconds);
                });
    }
}
