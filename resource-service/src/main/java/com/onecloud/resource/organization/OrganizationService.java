package com.onecloud.resource.organization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.events.Topics;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.outbox.SqlOutbox;
import com.onecloud.resource.common.DirectoryEvents;
import com.onecloud.resource.common.Ids;
import com.onecloud.resource.common.Persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Organizations, the tenants. Deleting one deletes its directory and contacts and announces it on Kafka. */
@ApplicationScoped
public class OrganizationService {

    /** The detail of the 404 for a missing organization, shared with the features that require one. */
    public static final String NOT_FOUND = "Organization not found.";
    private static final String INSERT = "INSERT INTO organization (id, name, version, created_at) "
            + "VALUES ($1, $2, 0, $3) RETURNING " + Organization.COLUMNS;
    private static final String PAGE = "SELECT " + Organization.COLUMNS + " FROM organization "
            + "ORDER BY created_at, id LIMIT $1 OFFSET $2";
    private static final String COUNT = "SELECT count(*) FROM organization";
    private static final String GET = "SELECT " + Organization.COLUMNS + " FROM organization WHERE id = $1";
    private static final String VERSION = "SELECT version FROM organization WHERE id = $1";
    private static final String UPDATE = "UPDATE organization SET name = $2, version = version + 1 "
            + "WHERE id = $1 AND version = $3 RETURNING " + Organization.COLUMNS;
    /** Users and contacts go with it: their foreign keys cascade. */
    private static final String DELETE = "DELETE FROM organization WHERE id = $1";

    private final Pool pool;
    private final SqlOutbox outbox;

    OrganizationService(Pool pool, SqlOutbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    public Uni<Organization> create(String name) {
        return pool.preparedQuery(INSERT).execute(Tuple.of(Ids.next(), name, OffsetDateTime.now(ZoneOffset.UTC)))
                .map(rows -> Organization.of(rows.iterator().next()));
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

    /** Fails with a 404 unless the organization exists. */
    public Uni<Void> require(String id) {
        return pool.preparedQuery(VERSION).execute(Tuple.of(id))
                .invoke(rows -> Persistence.one(rows, row -> row, NOT_FOUND)).replaceWithVoid();
    }

    public Uni<Organization> update(String id, long expectedVersion, String name) {
        return Persistence.updated(pool.preparedQuery(UPDATE).execute(Tuple.of(id, name, expectedVersion)),
                Organization::of, () -> pool.preparedQuery(VERSION).execute(Tuple.of(id)), expectedVersion,
                "organization", NOT_FOUND);
    }

    public Uni<Void> delete(String id) {
        return outbox.inTransaction(transaction -> transaction.preparedQuery(DELETE).execute(Tuple.of(id))
                .chain(rows -> {
                    Persistence.requireDeleted(rows, NOT_FOUND);
                    return outbox.append(transaction, Topics.DIRECTORY_EVENTS, id,
                            DirectoryEvents.organizationDeleted(id));
                }));
    }
}
