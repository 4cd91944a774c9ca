package com.onecloud.resource.contact;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Singleton;

import com.onecloud.events.Topics;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.outbox.SqlOutbox;
import com.onecloud.resource.common.Counted;
import com.onecloud.resource.common.Ids;
import com.onecloud.resource.common.ItemEvents;
import com.onecloud.resource.common.Persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A user's personal contacts. The owner is the organization and userId of the USER credential; every statement names
 * both, so nobody else's contact is ever visible (it reads as missing). Each change is one statement and its
 * announcement for the owner's subscribers, in one transaction.
 */
@Singleton // called on every request: no client proxy to look the instance up on each call
public class ContactService {

    private static final String NO_ORGANIZATION = "The caller's organization does not exist.";
    private static final String NO_USER = "The caller's user does not exist.";
    private static final String NOT_FOUND = "Contact not found.";
    private static final String OWNED = "organization_id = $1 AND owner_user_id = $2";
    private static final String INSERT = "INSERT INTO contact (organization_id, owner_user_id, id, first_name, "
            + "last_name, company, email, phone_number, version, created_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9) RETURNING " + Contact.COLUMNS;
    /**
     * The page and its total in one statement and one snapshot: the total is read from the owner's counter rows
     * (migration V9), not counted. One row at least: where the page is empty, its columns are null.
     */
    private static final String PAGE = "SELECT page.*, counted.total FROM (SELECT coalesce(sum(contacts), 0) AS total "
            + "FROM contact_count WHERE " + OWNED + ") counted LEFT JOIN LATERAL (SELECT " + Contact.COLUMNS
            + " FROM contact WHERE " + OWNED + " ORDER BY created_at, id LIMIT $3 OFFSET $4) page ON true";
    private static final String GET = "SELECT " + Contact.COLUMNS + " FROM contact WHERE " + OWNED + " AND id = $3";
    private static final String VERSION = "SELECT version FROM contact WHERE " + OWNED + " AND id = $3";
    private static final String UPDATE = "UPDATE contact SET first_name = $4, last_name = $5, company = $6, "
            + "email = $7, phone_number = $8, version = version + 1 WHERE " + OWNED + " AND id = $3 AND version = $9 "
            + "RETURNING " + Contact.COLUMNS;
    private static final String DELETE = "DELETE FROM contact WHERE " + OWNED + " AND id = $3";

    public record Owner(String organizationId, String userId) {
    }

    private final Pool pool;
    private final SqlOutbox outbox;
    private final ItemEvents items;

    ContactService(Pool pool, SqlOutbox outbox, ItemEvents items) {
        this.pool = pool;
        this.outbox = outbox;
        this.items = items;
    }

    /**
     * The organization's foreign key answers whether it exists, the schema's trigger whether the owner was deleted (a
     * credential of theirs may work for a moment after): no read before the insert.
     */
    public Uni<Contact> create(Owner owner, ContactRequest body) {
        Tuple values = fields(owner, Ids.next(), body).addValue(OffsetDateTime.now(ZoneOffset.UTC));
        return Persistence.deletedOwnerAsNotFound(Persistence.missingParentAsNotFound(outbox.inTransaction(
                transaction -> transaction.preparedQuery(INSERT).execute(values)
                        .map(rows -> Contact.of(rows.iterator().next()))
                        .call(contact -> announce(transaction, Topics.CONTACT_CREATED, owner, contact))),
                NO_ORGANIZATION), NO_USER);
    }

    public Uni<Counted<Contact>> page(Owner owner, PageRequest page) {
        return pool.preparedQuery(PAGE)
                .execute(Tuple.of(owner.organizationId(), owner.userId(), page.limit(), page.offset()))
                .map(rows -> Counted.of(rows, Contact::of));
    }

    public Uni<Contact> get(Owner owner, String id) {
        return pool.preparedQuery(GET).execute(key(owner, id)).map(rows -> Persistence.one(rows, Contact::of,
                NOT_FOUND));
    }

    public Uni<Contact> update(Owner owner, String id, long expectedVersion, ContactRequest body) {
        return outbox.inTransaction(transaction -> Persistence.updated(
                transaction.preparedQuery(UPDATE).execute(fields(owner, id, body).addLong(expectedVersion)),
                Contact::of, () -> transaction.preparedQuery(VERSION).execute(key(owner, id)), expectedVersion,
                "contact", NOT_FOUND)
                .call(contact -> announce(transaction, Topics.CONTACT_UPDATED, owner, contact)));
    }

    public Uni<Void> delete(Owner owner, String id) {
        return outbox.inTransaction(transaction -> transaction.preparedQuery(DELETE).execute(key(owner, id))
                .invoke(rows -> Persistence.requireDeleted(rows, NOT_FOUND))
                .chain(() -> items.contact(transaction, Topics.CONTACT_DELETED, owner.organizationId(), owner.userId(),
                        id, Map.of("id", id))));
    }

    private Uni<Void> announce(SqlConnection transaction, String type, Owner owner, Contact contact) {
        return items.contact(transaction, type, owner.organizationId(), owner.userId(), contact.id(),
                ContactView.of(contact));
    }

    private static Tuple key(Owner owner, String id) {
        return Tuple.of(owner.organizationId(), owner.userId(), id);
    }

    /** $1–$8: the owner, the id and the request's fields, in the order of INSERT and UPDATE. */
    private static Tuple fields(Owner owner, String id, ContactRequest body) {
        return Tuple.of(owner.organizationId(), owner.userId(), id, body.firstName, body.lastName, body.company)
                .addString(body.email).addString(body.phoneNumber);
    }
}
