package com.onecloud.resource.contact;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.edge.error.Conflict;
import com.onecloud.edge.error.NotFound;
import com.onecloud.edge.paging.PageRequest;
import com.onecloud.outbox.Transactions;
import com.onecloud.resource.common.Ids;
import com.onecloud.resource.common.Persistence;
import com.onecloud.resource.organization.OrganizationEntity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * A user's personal contacts. The owner is the organization and userId of the USER credential; every query names
 * both, so nobody else's contact is ever visible (it reads as missing).
 */
@ApplicationScoped
public class ContactService {

    private static final String NO_ORGANIZATION = "The caller's organization does not exist.";

    public record Owner(String organizationId, String userId) {
    }

    public Uni<ContactEntity> create(Owner owner, ContactRequest body) {
        ContactEntity contact = new ContactEntity();
        contact.id = Ids.next();
        contact.organizationId = owner.organizationId();
        contact.ownerUserId = owner.userId();
        apply(contact, body);
        contact.createdAt = Instant.now();
        return Persistence.missingParentAsNotFound(Transactions.inTransaction(() -> OrganizationEntity
                .<OrganizationEntity>findById(owner.organizationId())
                .onItem().ifNull().failWith(() -> new NotFound(NO_ORGANIZATION))
                .call(() -> contact.persist())
                .call(() -> Panache.getSession().chain(s -> s.flush()))
                .replaceWith(contact)), NO_ORGANIZATION);
    }

    public Uni<List<ContactEntity>> page(Owner owner, PageRequest page) {
        return Panache.withSession(() -> ContactEntity.<ContactEntity>find(
                "organizationId = ?1 and ownerUserId = ?2", Sort.by("createdAt").and("id"),
                owner.organizationId(), owner.userId())
                .range(page.offset(), page.offset() + page.limit() - 1).list());
    }

    public Uni<Long> count(Owner owner) {
        return Panache.withSession(() -> ContactEntity.count("organizationId = ?1 and ownerUserId = ?2",
                owner.organizationId(), owner.userId()));
    }

    public Uni<ContactEntity> get(Owner owner, String id) {
        return Panache.withSession(() -> find(owner, id));
    }

    public Uni<ContactEntity> update(Owner owner, String id, long expectedVersion, ContactRequest body) {
        return Persistence.staleAsConflict(Transactions.inTransaction(() -> find(owner, id)
                .invoke(contact -> {
                    if (contact.version != expectedVersion) {
                        throw new Conflict("Version " + expectedVersion + " is stale; the contact is at version "
                                + contact.version + ".");
                    }
                    apply(contact, body);
                })
                .call(contact -> Panache.getSession().chain(s -> s.flush()))));
    }

    public Uni<Void> delete(Owner owner, String id) {
        return Transactions.inTransaction(() -> find(owner, id).call(ContactEntity::delete).replaceWithVoid());
    }

    private static Uni<ContactEntity> find(Owner owner, String id) {
        return ContactEntity.<ContactEntity>find("organizationId = ?1 and ownerUserId = ?2 and id = ?3",
                owner.organizationId(), owner.userId(), id).firstResult()
                .onItem().ifNull().failWith(() -> new NotFound("Contact not found."));
    }

    private static void apply(ContactEntity contact, ContactRequest body) {
        contact.firstName = body.firstName;
        contact.lastName = body.lastName;
        contact.company = body.company;
        contact.email = body.email;
        contact.phoneNumber = body.phoneNumber;
    }
}
