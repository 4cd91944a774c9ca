package com.onecloud.ticket.ticket.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.ticket.ticket.service.NewTicket;
import com.onecloud.ticket.ticket.service.TicketFilter;
import com.onecloud.ticket.ticket.service.TicketScope;
import com.onecloud.ticket.ticket.service.TicketService;
import com.onecloud.ticket.ticket.service.Times;

import io.smallrye.mutiny.Uni;

/** The platform's SUPERUSER tickets, for SUPERUSER principals only. */
@Path("/api/admin/v1/tickets")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.PLATFORM, api = Api.TICKETS)
public class SuperuserTicketResource {

    private final TicketService tickets;

    SuperuserTicketResource(TicketService tickets) {
        this.tickets = tickets;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    public Uni<Response> create(@Valid @NotNull TicketRequest body) {
        PrincipalKind kind = RequestParsing.kind(body.kind);
        if (kind != null && kind != PrincipalKind.SUPERUSER) {
            throw InvalidInput.of("kind", "Tickets here are SUPERUSER tickets; an organization's tickets are "
                    + "created at /api/admin/v1/organizations/{orgId}/tickets.");
        }
        if (body.userId != null) {
            throw InvalidInput.of("userId", "A SUPERUSER ticket has no userId.");
        }
        NewTicket request = new NewTicket(null, PrincipalKind.SUPERUSER, null, body.name,
                RequestParsing.apis(body.apis), body.expiresAt);
        return tickets.create(request).map(issued -> Response
                .created(UriBuilder.fromPath("/api/admin/v1/tickets/{id}").build(issued.ticket().id))
                .entity(TicketView.issued(issued, Times.now())).build());
    }

    @GET
    public Uni<TicketPage> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        TicketFilter filter = RequestParsing.filter(status, null, null);
        PageRequest page = PageRequest.of(limit, offset);
        return tickets.list(TicketScope.superusers(), filter, page.limit(),
                page.offset()).map(result -> TicketPage.of(result, Times.now()));
    }

    @GET
    @Path("{id}")
    public Uni<TicketView> get(@PathParam("id") String id) {
        return tickets.get(TicketScope.superusers(), id).map(t -> TicketView.of(t, Times.now()));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return tickets.revoke(TicketScope.superusers(), id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("{id}/rotation")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    public Uni<TicketView> rotate(@PathParam("id") String id, @Valid RotationRequest body) {
        return tickets.rotate(TicketScope.superusers(), id, body == null ? null : body.graceSeconds)
                .map(issued -> TicketView.issued(issued, Times.now()));
    }
}
