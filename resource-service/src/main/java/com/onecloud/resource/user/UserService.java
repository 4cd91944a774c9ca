package com.onecloud.resource.user;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Singleton;

import com.onecloud.audit.AuditAction;
import com.onecloud.audit.AuditEntries;
import com.onecloud.audit.Changes;
import com.onecloud.audit.Origin;
import com.onecloud.events.Topics;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.problem.NotFound;
import com.onecloud.outbox.SqlOutbox;
import com.onecloud.resource.common.AuditTrail;
import com.onecloud.resource.common.Counted;
import com.onecloud.resource.common.DirectoryEvents;
import com.onecloud.resource.common.Ids;
import com.onecloud.resource.common.ItemEvents;
import com.onecloud.resource.common.Persistence;
import com.onecloud.resource.organization.OrganizationService;
import com.onecloud.resource.search.ContactSearch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An organization's user directory. Every statement names the organization, so another organization's user reads as
 * missing (contract §3 rule 5). Email is unique per organization, case-insensitively: the unique index on
 * {@code lower(email)} decides, so that two concurrent requests cannot both succeed. A user's own User API flag
 * (contract §3 rule 7) is announced on Kafka when the user is created and whenever it changes, in the transaction of
 * the change. Every change is recorded in the audit trail in its transaction: who made it, from where, and which
 * fields changed (switching the flag is a {@code user.updated} naming it).
 */
@Singleton // called on every request: no client proxy to look the instance up on each call
public class UserService {

    static final String DUPLICATE = "A user with this email already exists in the organization.";
    private static final String NOT_FOUND = "User not found.";
    /** A user's User API is on unless switched off (it is off anyway while their organization's is). */
    static final boolean DEFAULT_USER_API_ENABLED = true;
    private static final String INSERT = "INSERT INTO directory_user (organization_id, id, first_name, last_name, "
            + "email, phone_number, user_api_enabled, version, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8) "
            + "RETURNING " + DirectoryUser.COLUMNS;
    /**
     * The page and its total in one statement and one snapshot, the total read from the organization's counter
     * (migration V9), not counted: one row at least while the organization exists (the page's columns null where it
     * is empty), none when it does not.
     */
    private static final String PAGE = "SELECT page.*, coalesce(counted.users, 0) AS total FROM organization o "
            + "LEFT JOIN directory_user_count counted ON counted.organization_id = o.id "
            + "LEFT JOIN LATERAL (SELECT " + DirectoryUser.COLUMNS + " FROM directory_user "
            + "WHERE organization_id = o.id ORDER BY created_at, id LIMIT $2 OFFSET $3) page ON true WHERE o.id = $1";
    /**
     * {@link #PAGE} of the users whose names, email or number contain a fragment ({@code $4}, a LIKE pattern; the
     * trigram index of {@code search_text}), or whose id is {@code $5}; the total counts the matches.
     */
    private static final String MATCHING = "directory_user WHERE organization_id = o.id"
            + " AND (search_text LIKE $4 ESCAPE '\\' OR id = $5)";
    private static final String SEARCH_PAGE = "SELECT page.*, coalesce(matched.total, 0) AS total FROM organization o "
            + "LEFT JOIN LATERAL (SELECT count(*) AS total FROM " + MATCHING + ") matched ON true "
            + "LEFT JOIN LATERAL (SELECT " + DirectoryUser.COLUMNS + " FROM " + MATCHING
            + " ORDER BY created_at, id LIMIT $2 OFFSET $3) page ON true WHERE o.id = $1";
    private static final String GET = "SELECT " + DirectoryUser.COLUMNS + " FROM directory_user "
            + "WHERE organization_id = $1 AND id = $2";
    private static final String VERSION = "SELECT version FROM directory_user WHERE organization_id = $1 AND id = $2";
    /**
     * A flag the request leaves out (null) keeps its value. The row as it was comes along, to tell which fields
     * changed: when the update matched, nothing changed the row since the statement's snapshot (its version would
     * differ), so {@code previous} read the very row that was updated.
     */
    private static final String UPDATE = "WITH previous AS (SELECT first_name, last_name, email, phone_number, "
            + "user_api_enabled FROM directory_user "
            + "WHERE organization_id = $1 AND id = $2 AND version = $8) "
            + "UPDATE directory_user SET first_name = $3, last_name = $4, email = $5, phone_number = $6, "
            + "user_api_enabled = coalesce($7, user_api_enabled), version = version + 1 "
            + "WHERE organization_id = $1 AND id = $2 AND version = $8 RETURNING " + DirectoryUser.COLUMNS + ", "
            + "(SELECT first_name FROM previous) AS previous_first_name, "
            + "(SELECT last_name FROM previous) AS previous_last_name, "
            + "(SELECT email FROM previous) AS previous_email, "
            + "(SELECT phone_number FROM previous) AS previous_phone_number, "
            + "(SELECT user_api_enabled FROM previous) AS previous_user_api_enabled";
    private static final String DELETE = "DELETE FROM directory_user WHERE organization_id = $1 AND id = $2";
    /** Held until the deletion commits; inserting the user's contact shares it (trigger contact_owner_not_deleted). */
    private static final String LOCK_CONTACT_OWNER =
            "SELECT 1 FROM pg_advisory_xact_lock(contact_owner_lock($1, $2))";
    private static final String TOMBSTONE = "INSERT INTO deleted_user (organization_id, user_id, deleted_at) "
            + "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
    private static final String DELETE_CONTACTS =
            "DELETE FROM contact WHERE organization_id = $1 AND owner_user_id = $2";

    private final Pool pool;
    private final SqlOutbox outbox;
    private final AuditTrail audit;
    private final ItemEvents items;

    UserService(Pool pool, SqlOutbox outbox, AuditTrail audit, ItemEvents items) {
        this.pool = pool;
        this.outbox = outbox;
        this.audit = audit;
        this.items = items;
    }

    /**
     * The organization's foreign key answers whether it exists, the unique index whether the email is taken. The new
     * user's flag is announced whatever its value. Downstream a user it has no event for has the User API on (the
     * users from before the flag existed), so only a user created with it off needs one; announcing every new user
     * anyway keeps creation free of a special case and gives downstream the user's flag from its first version.
     */
    public Uni<DirectoryUser> create(String orgId, UserRequest body, Origin origin) {
        Tuple values = fields(orgId, Ids.next(), body)
                .addBoolean(body.userApiEnabled == null ? DEFAULT_USER_API_ENABLED : body.userApiEnabled)
                .addValue(OffsetDateTime.now(ZoneOffset.UTC));
        return Persistence.missingParentAsNotFound(Persistence.duplicateAsConflict(
                outbox.inTransaction(transaction -> transaction.preparedQuery(INSERT).execute(values)
                        .map(rows -> DirectoryUser.of(rows.iterator().next()))
                        .call(user -> announce(transaction, user))
                        .call(user -> items.user(transaction, Topics.USER_CREATED, orgId, user.id(), UserView.of(user)))
                        .call(user -> audit.record(transaction, AuditAction.USER_CREATED, orgId, origin,
                                AuditEntries.USER, user.id(), createdFields(user)))),
                DUPLICATE), OrganizationService.NOT_FOUND);
    }

    /** A page of the organization's users and their total; a 404 if the organization does not exist. */
    public Uni<Counted<DirectoryUser>> page(String orgId, PageRequest page) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(orgId, page.limit(), page.offset())).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFound(OrganizationService.NOT_FOUND);
            }
            return Counted.of(rows, DirectoryUser::of);
        });
    }

    /** A page of the organization's users that {@code fragment} finds, and their total; 404 as {@link #page}. */
    public Uni<Counted<DirectoryUser>> search(String orgId, String fragment, PageRequest page) {
        return pool.preparedQuery(SEARCH_PAGE).execute(Tuple.of(orgId, page.limit(), page.offset(),
                ContactSearch.containing(fragment), fragment)).map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFound(OrganizationService.NOT_FOUND);
                    }
                    return Counted.of(rows, DirectoryUser::of);
                });
    }

    public Uni<DirectoryUser> get(String orgId, String id) {
        return pool.preparedQuery(GET).execute(Tuple.of(orgId, id))
                .map(rows -> Persistence.one(rows, DirectoryUser::of, NOT_FOUND));
    }

    /** Replaces the user's fields and the flag if the request gives it; announces the flag if it changed. */
    public Uni<DirectoryUser> update(String orgId, String id, long expectedVersion, UserRequest body,
            Origin origin) {
        Tuple values = fields(orgId, id, body).addValue(body.userApiEnabled).addLong(expectedVersion);
        return Persistence.duplicateAsConflict(outbox.inTransaction(transaction -> Persistence.updated(
                transaction.preparedQuery(UPDATE).execute(values), Updated::of,
                () -> transaction.preparedQuery(VERSION).execute(Tuple.of(orgId, id)), expectedVersion, "user",
                NOT_FOUND)
                .call(updated -> updated.activationChanged() ? announce(transaction, updated.user())
                        : Uni.createFrom().voidItem())
                .call(updated -> items.user(transaction, Topics.USER_UPDATED, orgId, id, UserView.of(updated.user())))
                .call(updated -> audit.record(transaction, AuditAction.USER_UPDATED, orgId, origin, AuditEntries.USER,
                        id, updated.changes()))
                .map(Updated::user)), DUPLICATE);
    }

    /**
     * Deletes the user and their personal contacts, and announces it so that ticket-service revokes their tokens. The
     * user's tombstone keeps a credential of theirs that still works for a moment from creating a contact again; the
     * lock taken first makes the deletion wait for a contact being created now, so that it is deleted too.
     */
    public Uni<Void> delete(String orgId, String id, Origin origin) {
        Tuple user = Tuple.of(orgId, id);
        return outbox.inTransaction(transaction -> transaction.preparedQuery(LOCK_CONTACT_OWNER).execute(user)
                .chain(() -> transaction.preparedQuery(DELETE).execute(user))
                .chain(rows -> {
                    Persistence.requireDeleted(rows, NOT_FOUND);
                    return transaction.preparedQuery(TOMBSTONE)
                            .execute(Tuple.of(orgId, id, OffsetDateTime.now(ZoneOffset.UTC)));
                })
                .chain(() -> transaction.preparedQuery(DELETE_CONTACTS).execute(user))
                .chain(() -> outbox.append(transaction, Topics.DIRECTORY_EVENTS, orgId,
                        DirectoryEvents.userDeleted(orgId, id)))
                .chain(() -> audit.record(transaction, AuditAction.USER_DELETED, orgId, origin, AuditEntries.USER, id,
                        List.of())));
    }

    private Uni<Void> announce(SqlConnection transaction, DirectoryUser user) {
        return outbox.append(transaction, Topics.DIRECTORY_EVENTS, user.organizationId(), DirectoryEvents
                .userActivation(user.organizationId(), user.id(), user.userApiEnabled(), user.version()));
    }

    /** $1–$6: the organization, the id and the request's fields, in the order of INSERT and UPDATE. */
    private static Tuple fields(String orgId, String id, UserRequest body) {
        return Tuple.of(orgId, id, body.firstName, body.lastName, body.email, body.phoneNumber);
    }

    /** The fields a new user was given: every one but an absent phone number. */
    private static List<String> createdFields(DirectoryUser user) {
        return user.phoneNumber() == null ? List.of("firstName", "lastName", "email", "userApiEnabled")
                : List.of("firstName", "lastName", "email", "phoneNumber", "userApiEnabled");
    }

    /**
     * The updated user and the names of the fields that differ from before (a previous value that cannot be read
     * counts as a change).
     */
    private record Updated(DirectoryUser user, List<String> changes) {

        static Updated of(Row row) {
            DirectoryUser user = DirectoryUser.of(row);
            return new Updated(user, Changes.compare()
                    .field("firstName", row.getString("previous_first_name"), user.firstName())
                    .field("lastName", row.getString("previous_last_name"), user.lastName())
                    .field("email", row.getString("previous_email"), user.email())
                    .field("phoneNumber", row.getString("previous_phone_number"), user.phoneNumber())
                    .field("userApiEnabled", row.getBoolean("previous_user_api_enabled"), user.userApiEnabled())
                    .names());
        }

        boolean activationChanged() {
            return changes.contains("userApiEnabled");
        }
    }
}
