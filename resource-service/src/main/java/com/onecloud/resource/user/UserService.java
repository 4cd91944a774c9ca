package com.onecloud.resource.user;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.edge.error.Conflict;
import com.onecloud.edge.error.NotFound;
import com.onecloud.edge.event.CloudEvent;
import com.onecloud.edge.event.Topics;
import com.onecloud.edge.event.UserDeleted;
import com.onecloud.edge.paging.PageRequest;
import com.onecloud.outbox.Outbox;
import com.onecloud.outbox.Transactions;
import com.onecloud.resource.common.Ids;
import com.onecloud.resource.common.Persistence;
import com.onecloud.resource.contact.ContactEntity;
import com.onecloud.resource.organization.OrganizationEntity;
import com.onecloud.resource.organization.OrganizationService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * An organization's user directory. Every query names the organization, so another organization's user reads as
 * missing (contract §3 rule 5). Email is unique per organization, case-insensitively.
 */
@ApplicationScoped
public class UserService {

    static final String SOURCE = "/onecloud/resource-service";
    static final String DUPLICATE = "A user with this email already exists in the organization.";

    private final Outbox outbox;

    UserService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<UserEntity> create(String orgId, UserRequest body) {
        UserEntity user = new UserEntity();
        user.id = Ids.next();
        user.organizationId = orgId;
        apply(user, body);
        user.createdAt = Instant.now();
        return Persistence.missingParentAsNotFound(Persistence.duplicateAsConflict(Transactions.inTransaction(
                () -> requireOrganization(orgId)
                        .call(() -> requireUniqueEmail(orgId, body.email, null))
                        .call(() -> user.persist())
                        .call(() -> Panache.getSession().chain(s -> s.flush()))
                        .replaceWith(user)), DUPLICATE), OrganizationService.NOT_FOUND);
    }

    public Uni<List<UserEntity>> page(String orgId, PageRequest page) {
        return Panache.withSession(() -> requireOrganization(orgId).chain(() -> UserEntity
                .<UserEntity>find("organizationId", Sort.by("createdAt").and("id"), orgId)
                .range(page.offset(), page.offset() + page.limit() - 1).list()));
    }

    public Uni<Long> count(String orgId) {
        return Panache.withSession(() -> UserEntity.count("organizationId", orgId));
    }

    public Uni<UserEntity> get(String orgId, String id) {
        return Panache.withSession(() -> find(orgId, id));
    }

    public Uni<UserEntity> update(String orgId, String id, long expectedVersion, UserRequest body) {
        return Persistence.duplicateAsConflict(Persistence.staleAsConflict(Transactions.inTransaction(
                () -> find(orgId, id)
                        .invoke(user -> {
                            if (user.version != expectedVersion) {
                                throw new Conflict("Version " + expectedVersion + " is stale; the user is at version "
                                        + user.version + ".");
                            }
                        })
                        .call(user -> requireUniqueEmail(orgId, body.email, id))
                        .invoke(user -> apply(user, body))
                        .call(user -> Panache.getSession().chain(s -> s.flush())))), DUPLICATE);
    }

    /** Deletes the user and their personal contacts, and announces it so that ticket-service revokes their tokens. */
    public Uni<Void> delete(String orgId, String id) {
        return outbox.inTransaction(() -> find(orgId, id)
                .call(user -> ContactEntity.delete("organizationId = ?1 and ownerUserId = ?2", orgId, id))
                .call(user -> user.delete())
                .call(user -> outbox.append(Topics.DIRECTORY_EVENTS, orgId, CloudEvent.of(SOURCE,
                        Topics.USER_DELETED, id, Instant.now(), new UserDeleted(orgId, id, Instant.now()))))
                .replaceWithVoid());
    }

    private static Uni<UserEntity> find(String orgId, String id) {
        return UserEntity.<UserEntity>find("organizationId = ?1 and id = ?2", orgId, id).firstResult()
                .onItem().ifNull().failWith(() -> new NotFound("User not found."));
    }

    private static Uni<Void> requireOrganization(String orgId) {
        return OrganizationEntity.<OrganizationEntity>findById(orgId)
                .onItem().ifNull().failWith(() -> new NotFound(OrganizationService.NOT_FOUND))
                .replaceWithVoid();
    }

    private static Uni<Void> requireUniqueEmail(String orgId, String email, String exceptId) {
        return UserEntity.count("organizationId = ?1 and lower(email) = lower(?2) and id <> ?3", orgId, email,
                exceptId == null ? "" : exceptId)
                .invoke(n -> {
                    if (n > 0) {
                        throw new Conflict(DUPLICATE);
                    }
                })
                .replaceWithVoid();
    }

    private static void apply(UserEntity user, UserRequest body) {
        user.firstName = body.firstName;
        user.lastName = body.lastName;
        user.email = body.email;
        user.phoneNumber = body.phoneNumber;
    }
}
