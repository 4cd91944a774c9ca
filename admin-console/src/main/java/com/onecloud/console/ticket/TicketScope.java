package com.onecloud.console.ticket;

import com.onecloud.console.live.LivePages;

import static com.onecloud.console.api.ApiClient.segment;

/**
 * Whose tickets a page shows: an organization's (APPLICATION and USER tickets) or the platform's SUPERUSER tickets.
 * The pages are the same; the API paths and what may be filtered or created differ.
 *
 * @param organizationId the organization, or null for the SUPERUSER tickets
 */
public record TicketScope(String organizationId) {

    public static TicketScope platform() {
        return new TicketScope(null);
    }

    public static TicketScope organization(String organizationId) {
        return new TicketScope(organizationId);
    }

    public boolean superuserTickets() {
        return organizationId == null;
    }

    /** The tickets' collection in ticket-service's API. */
    String api() {
        return superuserTickets() ? "/api/admin/v1/tickets"
                : "/api/admin/v1/organizations/" + segment(organizationId) + "/tickets";
    }

    /** The audit trail that holds these tickets' entries. */
    String auditApi() {
        return superuserTickets() ? "/api/admin/v1/audit"
                : "/api/admin/v1/organizations/" + segment(organizationId) + "/audit";
    }

    /** The live updates of the list ({@link LivePages}), or null: the platform offers none for SUPERUSER tickets. */
    public String live() {
        return superuserTickets() ? null : LivePages.PATH + pages();
    }

    /** The console's pages for these tickets. */
    public String pages() {
        return superuserTickets() ? "/superuser-tickets" : "/organizations/" + segment(organizationId) + "/tickets";
    }
}
