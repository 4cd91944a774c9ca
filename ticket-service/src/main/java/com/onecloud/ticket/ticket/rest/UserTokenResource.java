package com.onecloud.ticket.ticket.rest;

import java.util.EnumSet;
import java.util.Set;

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
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.Protected;
import com.onecloud.authclient.Caller;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.problem.Forbidden;
import com.onecloud.ticket.ticket.service.NewTicket;
import com.onecloud.ticket.ticket.service.TicketScope;
import com.onecloud.ticket.ticket.service.TicketService;
import com.onecloud.ticket.ticket.service.Times;

import io.smallrye.mutiny.Uni;

/** A user's own Bearer tokens (self-service, End User API; no particular API required). */
@Path("/api/user/v1/tickets")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.USER_API)
public class UserTokenResource {

    private final TicketService tickets;
    private final Caller caller;

    UserTokenResource(TicketService tickets, Caller caller) {
        this.tickets = tickets;
        this.caller = caller;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    public Uni<Response> create(@Valid @NotNull UserTokenRequest body) {
        Principal user = user();
        Set<Api> requested = RequestParsing.apis(body.apis);
        Set<Api> beyond = EnumSet.copyOf(requested);
        beyond.removeAll(user.apis());
        if (!beyond.isEmpty()) {
            // Contract §3 rule 6: a user can pass on only what the presenting token already has.
            throw new Forbidden("A token can be granted only APIs that the presenting token has; not granted: "
                    + beyond + ".");
        }
        NewTicket request = new NewTicket(user.organizationId(), PrincipalKind.USER, user.userId(), body.name,
                requested, body.expiresAt);
        return tickets.create(request).map(issued -> Response
                .created(UriBuilder.fromPath("/api/user/v1/tickets/{id}").build(issued.ticket().id))
                .entity(TicketView.issued(issued, Times.now())).build());
    }

    @GET
    public Uni<TicketPage> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        PageRequest page = PageRequest.of(limit, offset);
        return tickets.list(scope(), RequestParsing.filter(status, null, null), page.limit(),
                page.offset()).map(result -> TicketPage.of(result, Times.now()));
    }

    @GET
    @Path("{id}")
    public Uni<TicketView> get(@PathParam("id") String id) {
        return tickets.get(scope(), id).map(t -> TicketView.of(t, Times.now()));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return tickets.revoke(scope(), id).map(ignored -> Response.noContent().build());
    }

    private TicketScope scope() {
        Principal user = user();
        return TicketScope.ownTokens(user.organizationId(), user.userId());
    }

    private Principal user() {
        Principal principal = caller.principal();
        if (principal.kind() != PrincipalKind.USER || principal.organizationId() == null
                || principal.userId() == null) {
            throw new Forbidden("Only a user of an organization has tokens of their own.");
        }
        return principal;
    }
}
