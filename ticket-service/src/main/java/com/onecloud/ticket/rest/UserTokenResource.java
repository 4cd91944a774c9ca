package com.onecloud.ticket.rest;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.onecloud.access.Audience;
import com.onecloud.access.Protected;
import com.onecloud.authclient.Caller;
import com.onecloud.ticket.service.TicketOwner;
import com.onecloud.ticket.service.TicketQuery;
import com.onecloud.ticket.service.TicketService;
import com.onecloud.ticket.support.Times;

import io.smallrye.mutiny.Uni;

/** A user's own Bearer tokens (self-service, End User API; no particular API required). */
@Path("/api/user/v1/tickets")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.USER_API)
@Tag(name = "Own tokens", description = "A user's own Bearer tokens (self-service).")
public class UserTokenResource {

    private final TicketService tickets;
    private final Caller caller;

    UserTokenResource(TicketService tickets, Caller caller) {
        this.tickets = tickets;
        this.caller = caller;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(operationId = "createOwnToken", summary = "Create a token for yourself",
            description = "The token has at most the APIs of the"
            + " presenting credential and ends no later than it does: without `expiresAt` it ends with the presenting"
            + " credential (or after the maximum validity, if sooner). It is a credential of its own: revoking the"
            + " presenting credential does not revoke it. The token is returned in this response only.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = UserTokenRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "token",
                    value = TicketExamples.OWN_TOKEN_JSON)) })
    @APIResponse(responseCode = "201", description = "The token; " + CredentialResponses.NO_STORE,
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, e.g. `expiresAt` later than the end of the"
            + " presenting credential or than the maximum validity.")
    @APIResponse(responseCode = "404", description = "The presenting user or their organization was deleted (their"
            + " credentials are being revoked).")
    public Uni<Response> create(@Valid @NotNull UserTokenRequest body) {
        return tickets.issue(caller, TicketOwner.presentingUser(), body.draft()).map(issued -> CredentialResponses
                .created(UriBuilder.fromPath("/api/user/v1/tickets/{id}").build(issued.ticket().id), issued));
    }

    @GET
    @Operation(operationId = "listOwnTokens", summary = "List your tokens")
    @APIResponse(responseCode = "200", description = "A page of tickets, newest first; never a token or secret.")
    public Uni<TicketPage> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return tickets.list(caller, TicketOwner.presentingUser(), new TicketQuery(status, null, null, limit, offset))
                .map(result -> TicketPage.of(result, Times.now()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOwnToken", summary = "Read one of your tokens", description = "Never the token.")
    @APIResponse(responseCode = "200", description = "The token's ticket.")
    public Uni<TicketView> get(@PathParam("id") String id) {
        return tickets.get(caller, TicketOwner.presentingUser(), id).map(t -> TicketView.of(t, Times.now()));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeOwnToken", summary = "Revoke one of your tokens",
            description = "Idempotent; the ticket stays readable with status `REVOKED`.")
    @APIResponse(responseCode = "204", description = "Revoked (or it already was).")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return tickets.revoke(caller, TicketOwner.presentingUser(), id).map(ignored -> Response.noContent().build());
    }
}
