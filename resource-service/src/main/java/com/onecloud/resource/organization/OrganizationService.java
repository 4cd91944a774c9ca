package com.onecloud.resource.organization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.audit.AuditAction;
import com.onecloud.audit.AuditEntries;
import com.onecloud.audit.Changes;
import com.onecloud.audit.Origin;
import com.onecloud.events.Topics;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.outbox.SqlOutbox;
import com.onecloud.resource.common.AuditTrail;
import com.onecloud.resource.common.DirectoryEvents;
import com.onecloud.resource.common.Ids;
import com.onecloud.resource.common.ItemEvents;
import com.onecloud.resource.common.Persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Organizations, the tenants. Their API activation (contract §3 rule 7) is announced on Kafka when an organization is
 * created and whenever a flag changes, in the transaction of the change; deleting one deletes its directory and
 * contacts and announces that too. Every change is announced with the organization as the API shows it, for
 * subscribers. Every change is recorded in the audit trail in its transaction: who made it, from
 * where, and which fields changed (switching a flag is an {@code organization.updated} naming it).
 */
@ApplicationScoped
public class OrganizationService {

    /** The detail of the 404 for a missing organization, shared with the features that require one. */
    public static final String NOT_FOUND = "Organization not found.";
    /** A new organization's APIs stay off until its creator activates them. */
    static final boolean DEFAULT_API_ENABLED = false;
    private static final String INSERT = "INSERT INTO organization (id, name, admin_api_enabled, user_api_enabled, "
            + "version, created_at) VALUES ($1, $2, $3, $4, 0, $5) RETURNING " + Organization.COLUMNS;
    private static final String PAGE = "SELECT " + Organization.COLUMNS + " FROM organization "
            + "ORDER BY created_at, id LIMIT $1 OFFSET $2";
    private static final String COUNT = "SELECT count(*) FROM organization";
    private static final String GET = "SELECT " + Organization.COLUMNS + " FROM organization WHERE id = $1";
    private static final String VERSION = "SELECT version FROM organization WHERE id = $1";
    /**
     * A flag the request leaves out (null) keeps its value. The row as it was comes along, to tell which fields
     * changed: when the update matched, nothing changed the row since the statement's snapshot (its version would
     * differ), so {@code previous} read the very row that was updated.
     */
    private static final String UPDATE = "WITH previous AS (SELECT name, admin_api_enabled, user_api_enabled "
            + "FROM organization WHERE id = $1 AND version = $3) "
            + "UPDATE organization SET name = $2, admin_api_enabled = coalesce($4, admin_api_enabled), "
            + "user_api_enabled = coalesce($5, user_api_enabled), version = version + 1 "
            + "WHERE id = $1 AND version = $3 RETURNING " + Organization.COLUMNS + ", "
            + "(SELECT name FROM previous) AS previous_name, "
            + "(SELECT admin_api_enabled FROM previous) AS previous_admin_api_enabled, "
            + "(SELECT user_api_enabled FROM previous) AS previous_user_api_enabled";
    /** Users and contacts go with it: their foreign keys cascade. */
    private static final String DELETE = "DELETE FROM organization WHERE id = $1";

    private final Pool pool;
    private final SqlOutbox outbox;
    private final AuditTrail audit;
    private final ItemEvents items;

    OrganizationService(Pool pool, SqlOutbox outbox, AuditTrail audit, ItemEvents items) {
        this.pool = pool;
        this.outbox = outbox;
        this.audit = audit;
        this.items = items;
    }

    /** A new organization's activation is always announced, so that downstream knows it from its first version. */
    public Uni<Organization> create(OrganizationRequest body, Origin origin) {
        Tuple values = Tuple.of(Ids.next(), body.name, orDefault(body.adminApiEnabled), orDefault(body.userApiEnabled),
                OffsetDateTime.now(ZoneOffset.UTC));
        return outbox.inTransaction(transaction -> transaction.preparedQuery(INSERT).execute(values)
                .map(rows -> Organization.of(rows.iterator().next()))
                .call(org -> announce(transaction, org))
                .call(org -> items.organization(transaction, Topics.ORGANIZATION_CREATED, org.id(),
                        OrganizationView.of(org)))
                .call(org -> audit.record(transaction, AuditAction.ORGANIZATION_CREATED, org.id(), origin,
                        AuditEntries.ORGANIZATION, org.id(), List.of("name", "adminApiEnabled", "userApiEnabled"))));
    }

    public Uni<List<Organization>> page(PageRequest page) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(page.limit(), page.offset()))
                .map(rows -> Persistence.all(rows, Organization::of));
    }

    public Uni<Long> count() {
        return pool.query(COUNT).execute().map(Persistence::count);
    }

    public Uni<Organization> get(String id) {
        return pool.preparedQuery(GET).execute(Tuple.of(id))
                .map(rows -> Persistence.one(rows, Organization::of, NOT_FOUND));
    }

    /** Replaces the name and the flags the request gives; announces the activation if a flag changed. */
    public Uni<Organization> update(String id, long expectedVersion, OrganizationRequest body, Origin origin) {
        Tuple values = Tuple.of(id, body.name, expectedVersion, body.adminApiEnabled, body.userApiEnabled);
        return outbox.inTransaction(transaction -> Persistence.updated(
                transaction.preparedQuery(UPDATE).execute(values), Updated::of,
                () -> transaction.preparedQuery(VERSION).execute(Tuple.of(id)), expectedVersion, "organization",
                NOT_FOUND)
                .call(updated -> updated.activationChanged() ? announce(transaction, updated.organization())
                        : Uni.createFrom().voidItem())
                .call(updated -> items.organization(transaction, Topics.ORGANIZATION_UPDATED, id,
                        OrganizationView.of(updated.organization())))
                .call(updated -> audit.record(transaction, AuditAction.ORGANIZATION_UPDATED, id, origin,
                        AuditEntries.ORGANIZATION, id, updated.changes()))
                .map(Updated::organization));
    }

    public Uni<Void> delete(String id, Origin origin) {
        return outbox.inTransaction(transaction -> transaction.preparedQuery(DELETE).execute(Tuple.of(id))
                .chain(rows -> {
                    Persistence.requireDeleted(rows, NOT_FOUND);
                    return outbox.append(transaction, Topics.DIRECTORY_EVENTS, id,
                            DirectoryEvents.organizationDeleted(id));
                })
                .chain(() -> audit.record(transaction, AuditAction.ORGANIZATION_DELETED, id, origin,
                        AuditEntries.ORGANIZATION, id, List.of())));
    }

    private Uni<Void> announce(SqlConnection transaction, Organization org) {
        return outbox.append(transaction, Topics.DIRECTORY_EVENTS, org.id(), DirectoryEvents.organizationActivation(
                org.id(), org.adminApiEnabled(), org.userApiEnabled(), org.version()));
    }

    private static boolean orDefault(Boolean flag) {
        return flag == null ? DEFAULT_API_ENABLED : flag;
    }

    /**
     * The updated organization and the names of the fields that differ from before (a previous value that cannot be
     * read counts as a change).
     */
    private record Updated(Organization organization, List<String> changes) {

        static Updated of(Row row) {
            Organization org = Organization.of(row);
            return new Updated(org, Changes.compare()
                    .field("name", row.getString("previous_name"), org.name())
                    .field("adminApiEnabled", row.getBoolean("previous_admin_api_enabled"), org.adminApiEnabled())
                    .field("userApiEnabled", row.getBoolean("previous_user_api_enabled"), org.userApiEnabled())
                    .names());
        }

        boolean activationChanged() {
            return changes.contains("adminApiEnabled") || changes.contains("userApiEnabled");
        }
    }
}
