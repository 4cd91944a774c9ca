package com.onecloud.resource.organization;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.edge.error.Conflict;
import com.onecloud.edge.error.NotFound;
import com.onecloud.edge.event.CloudEvent;
import com.onecloud.edge.event.OrganizationDeleted;
import com.onecloud.edge.event.Topics;
import com.onecloud.edge.paging.PageRequest;
import com.onecloud.outbox.Outbox;
import com.onecloud.outbox.Transactions;
import com.onecloud.resource.common.Ids;
import com.onecloud.resource.common.Persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Organizations, the tenants. Deleting one deletes its directory and contacts and announces it on Kafka. */
@ApplicationScoped
public class OrganizationService {

    static final String SOURCE = "/onecloud/resource-service";
    /** The detail of the 404 for a missing organization, shared with the features that require one. */
    public static final String NOT_FOUND = "Organization not found.";

    private final Outbox outbox;

    OrganizationService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<OrganizationEntity> create(String name) {
        OrganizationEntity org = new OrganizationEntity();
        org.id = Ids.next();
        org.name = name;
        org.createdAt = Instant.now();
        return Transactions.inTransaction(org::persist).replaceWith(org);
    }

    public Uni<List<OrganizationEntity>> page(PageRequest page) {
        return Panache.withSession(() -> OrganizationEntity.<OrganizationEntity>findAll(Sort.by("createdAt").and("id"))
                .range(page.offset(), page.offset() + page.limit() - 1).list());
    }

    public Uni<Long> count() {
        // A lambda, not OrganizationEntity::count: a method reference binds to PanacheEntityBase's unenhanced stub.
        return Panache.withSession(() -> OrganizationEntity.count());
    }

    public Uni<OrganizationEntity> get(String id) {
        return Panache.withSession(() -> OrganizationEntity.<OrganizationEntity>findById(id))
                .onItem().ifNull().failWith(() -> new NotFound(NOT_FOUND));
    }

    public Uni<OrganizationEntity> update(String id, long expectedVersion, String name) {
        return Persistence.staleAsConflict(Transactions.inTransaction(() -> OrganizationEntity
                .<OrganizationEntity>findById(id)
                .onItem().ifNull().failWith(() -> new NotFound(NOT_FOUND))
                .invoke(org -> {
                    if (org.version != expectedVersion) {
                        throw new Conflict("Version " + expectedVersion + " is stale; the organization is at version "
                                + org.version + ".");
                    }
                    org.name = name;
                })
                .call(org -> Panache.getSession().chain(session -> session.flush()))));
    }

    public Uni<Void> delete(String id) {
        return outbox.inTransaction(() -> OrganizationEntity.<OrganizationEntity>findById(id)
                .onItem().ifNull().failWith(() -> new NotFound(NOT_FOUND))
                .call(org -> OrganizationEntity.delete("id", id))
                .call(org -> outbox.append(Topics.DIRECTORY_EVENTS, id, CloudEvent.of(SOURCE,
                        Topics.ORGANIZATION_DELETED, id, Instant.now(), new OrganizationDeleted(id, Instant.now()))))
                .replaceWithVoid());
    }
}
