package com.onecloud.ticket.audit;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.authclient.Caller;
import com.onecloud.http.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reading the audit trail: an organization's (tenancy as for its tickets), or the whole platform's. */
@ApplicationScoped
public class AuditReader {

    private final AuditRepository repository;

    AuditReader(AuditRepository repository) {
        this.repository = repository;
    }

    /** Contract §3 rule 5: another organization's trail reads as one that does not exist (404). */
    public Uni<AuditRepository.PageResult> organization(Caller caller, String organizationId, AuditQuery query) {
        caller.requireOrganization(organizationId, "Organization");
        return page(organizationId, query);
    }

    /** Every organization's entries and the platform's own; its route admits SUPERUSER principals only. */
    public Uni<AuditRepository.PageResult> platform(AuditQuery query) {
        return page(null, query);
    }

    private Uni<AuditRepository.PageResult> page(String organizationId, AuditQuery query) {
        AuditQuery.Filter filter = query.filter();
        PageRequest page = query.page();
        return Panache.withSession(() -> repository.page(organizationId, filter, page.limit(), page.offset()));
    }
}
