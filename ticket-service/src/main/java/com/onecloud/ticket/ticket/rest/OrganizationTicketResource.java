package com.onecloud.ticket.ticket.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.Protected;
import com.onecloud.authclient.Caller;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.ticket.ticket.service.NewTicket;
import com.onecloud.ticket.ticket.service.TicketScope;
import com.onecloud.ticket.ticket.service.TicketService;
import com.onecloud.ticket.ticket.service.Times;

import io.smallrye.mutiny.Uni;

/** An organization's APPLICATION and USER tickets (Admin API, API {@code TICKETS}). */
@Path("/api/admin/v1/organizations/{orgId}/tickets")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.ADMIN_API, api = Api.TICKETS)
public class OrganizationTicketResource {

    private final TicketService tickets;
    private final Caller caller;

    OrganizationTicketResource(TicketService tickets, Caller caller) {
        this.tickets = tickets;
        this.caller = caller;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    public Uni<Response> create(@PathParam("orgId") @Size(max = 64) String orgId, @Valid @NotNull TicketRequest body) {
        caller.requireOrganization(orgId, "Organization");
        PrincipalKind kind = RequestParsing.kind(body.kind);
        if (kind == null) {
            throw InvalidInput.of("kind", "kind is required: APPLICATION or USER.");
        }
        if (kind == PrincipalKind.SUPERUSER) {
            throw InvalidInput.of("kind", "An organization's ticket is APPLICATION or USER; "
                    + "SUPERUSER tickets are created at /api/admin/v1/tickets.");
        }
        if (kind == PrincipalKind.USER && (body.userId == null || body.userId.isBlank())) {
            throw InvalidInput.of("userId", "userId is required for a USER ticket.");
        }
        if (kind == PrincipalKind.APPLICATION && body.userId != null) {
            throw InvalidInput.of("userId", "An APPLICATION ticket has no userId.");
        }
        NewTicket request = new NewTicket(orgId, kind, body.userId, body.name, RequestParsing.apis(body.apis),
                body.expiresAt);
        return tickets.create(request).map(issued -> Response
                .created(UriBuilder.fromPath("/api/admin/v1/organizations/{orgId}/tickets/{id}")
                        .build(orgId, issued.ticket().id))
                .entity(TicketView.issued(issued, Times.now())).build());
    }

    @GET
    public Uni<TicketPage> list(@PathParam("orgId") String orgId, @QueryParam("status") String status,
            @QueryParam("kind") String kind, @QueryParam("userId") String userId,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        caller.requireOrganization(orgId, "Organization");
        PageRequest page = PageRequest.of(limit, offset);
        return tickets.list(TicketScope.organization(orgId), RequestParsing.filter(status, kind, userId),
                page.limit(), page.offset())
                .map(result -> TicketPage.of(result, Times.now()));
    }

    @GET
    @Path("{id}")
    public Uni<TicketView> get(@PathParam("orgId") String orgId, @PathParam("id") String id) {
        caller.requireOrganization(orgId, "Organization");
        return tickets.get(TicketScope.organization(orgId), id).map(t -> TicketView.of(t, Times.now()));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> revoke(@PathParam("orgId") String orgId, @PathParam("id") String id) {
        caller.requireOrganization(orgId, "Organization");
        return tickets.revoke(TicketScope.organization(orgId), id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("{id}/rotation")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    public Uni<TicketView> rotate(@PathParam("orgId") String orgId, @PathParam("id") String id,
            @Valid RotationRequest body) {
        caller.requireOrganization(orgId, "Organization");
        return tickets.rotate(TicketScope.organization(orgId), id, body == null ? null : body.graceSeconds)
                .map(issued -> TicketView.issued(issued, Times.now()));
    }
}
