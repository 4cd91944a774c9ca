package com.onecloud.resource.common;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.onecloud.audit.AuditTable;
import com.onecloud.resource.contact.Contact;
import com.onecloud.resource.organization.Organization;
import com.onecloud.resource.user.DirectoryUser;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Refuses to start on a database whose schema lacks a table or column the service uses, as an ORM's validation would:
 * PostgreSQL resolves every name in a statement before it runs it, so selecting no rows checks them all. A schema
 * that does not match (a migration not yet applied, the wrong database) fails the start, not the first requests.
 * The outbox's table is the outbox module's to check ({@code OutboxTable}).
 */
@ApplicationScoped
public class SchemaCheck {

    static final List<String> PROBES = List.of(
            "SELECT " + Organization.COLUMNS + ", created_at FROM organization LIMIT 0",
            "SELECT " + DirectoryUser.COLUMNS + ", created_at, search_text FROM directory_user LIMIT 0",
            "SELECT " + Contact.COLUMNS + ", organization_id, owner_user_id, created_at, search_text "
                    + "FROM contact LIMIT 0",
            "SELECT organization_id, user_id, deleted_at, contact_owner_lock(organization_id, user_id) "
                    + "FROM deleted_user LIMIT 0",
            "SELECT organization_id, owner_user_id, shard, contacts FROM contact_count LIMIT 0",
            "SELECT organization_id, users FROM directory_user_count LIMIT 0",
            AuditTable.PROBE);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    void onStart(@Observes StartupEvent event, Pool pool) {
        verify(pool).await().atMost(TIMEOUT);
    }

    /** Fails with the first statement PostgreSQL rejected and why. */
    public static Uni<Void> verify(SqlClient client) {
        return Multi.createFrom().iterable(PROBES)
                .onItem().transformToUniAndConcatenate(probe -> client.query(probe).execute()
                        .onFailure().transform(e -> new IllegalStateException(
                                "The database schema does not match resource-service (" + e.getMessage() + "): "
                                        + probe, e)))
                .collect().last().replaceWithVoid();
    }
}
