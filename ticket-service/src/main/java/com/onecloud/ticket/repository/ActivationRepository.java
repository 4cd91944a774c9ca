package com.onecloud.ticket.repository;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.events.ActivationChanged;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The API activations resource-service announced (contract §3, rule 7), which auth-service reads through the view
 * {@code auth_v1.activation}: the newest version of each organization's flags and each user's own flag. Runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class ActivationRepository {

    private static final String NEWER = " ON CONFLICT (organization_id, user_id) DO UPDATE SET"
            + " admin_api_enabled = EXCLUDED.admin_api_enabled, user_api_enabled = EXCLUDED.user_api_enabled,"
            + " version = EXCLUDED.version, changed_at = EXCLUDED.changed_at"
            + " WHERE activation.version < EXCLUDED.version";
    private static final String ORGANIZATION = "INSERT INTO activation (organization_id, admin_api_enabled,"
            + " user_api_enabled, version, changed_at) VALUES (?1, ?2, ?3, ?4, ?5)" + NEWER;
    private static final String USER = "INSERT INTO activation (organization_id, user_id, user_api_enabled, version,"
            + " changed_at) VALUES (?1, ?2, ?3, ?4, ?5)" + NEWER;

    /** Stores the change unless a newer (or the same) version is stored already; answers whether it was stored. */
    public Uni<Boolean> store(ActivationChanged change) {
        return Panache.getSession().chain(session -> (change.isUsers()
                ? session.createNativeQuery(USER).setParameter(2, change.userId())
                : session.createNativeQuery(ORGANIZATION).setParameter(2, change.adminApiEnabled()))
                .setParameter(1, change.organizationId())
                .setParameter(3, change.userApiEnabled())
                .setParameter(4, change.version())
                .setParameter(5, change.changedAt())
                .executeUpdate())
                .map(rows -> rows > 0);
    }
}
