package com.onecloud.ticket.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Protected;
import com.onecloud.authclient.Caller;
import com.onecloud.http.openapi.ApiDocs;
import com.onecloud.subscriptions.StreamKey;
import com.onecloud.subscriptions.Subscriptions;
import com.onecloud.ticket.service.TicketOwner;
import com.onecloud.ticket.service.TicketQuery;
import com.onecloud.ticket.service.TicketService;
import com.onecloud.ticket.service.UsagePeriod;
import com.onecloud.ticket.support.Times;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** An organization's APPLICATION and USER tickets (Admin API, API {@code TICKETS}). */
@Path("/api/admin/v1/organizations/{orgId}/tickets")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.ADMIN_API, api = Api.TICKETS)
@Tag(name = "Tickets", description = "An organization's APPLICATION tickets and USER tokens.")
public class OrganizationTicketResource {

    private final TicketService tickets;
    private final Caller caller;
    private final Subscriptions subscriptions;

    OrganizationTicketResource(TicketService tickets, Caller caller, Subscriptions subscriptions) {
        this.tickets = tickets;
        this.caller = caller;
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(operationId = "createTicket", summary = "Create an APPLICATION or USER ticket",
            description = "Token and secret are returned in this"
            + " response only. `userId` is not looked up: ticket-service keeps no directory, so only users and"
            + " organizations deleted from it are known (from resource-service's directory events), and refused.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = TicketRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "application", value = TicketExamples.APPLICATION_JSON),
                    @ExampleObject(name = "user", value = TicketExamples.USER_JSON) }) })
    @APIResponse(responseCode = "201", description = "The ticket with its token (and secret); "
            + CredentialResponses.NO_STORE, content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "The organization is another one's or was deleted, or the USER"
            + " ticket's user was deleted: a deleted organization or user reads as one that does not exist.")
    public Uni<Response> create(@PathParam("orgId") @Size(max = 64) String orgId, @Valid @NotNull TicketRequest body) {
        return tickets.issue(caller, TicketOwner.organization(orgId), body.draft()).map(issued -> CredentialResponses
                .created(UriBuilder.fromPath("/api/admin/v1/organizations/{orgId}/tickets/{id}")
                        .build(orgId, issued.ticket().id), issued));
    }

    @GET
    @Operation(operationId = "listTickets", summary = "List the organization's tickets",
            description = ApiDocs.SUBSCRIBABLE)
    @APIResponse(responseCode = "200", description = "A page of tickets, newest first; never a token or secret.")
    public Uni<TicketPage> list(@PathParam("orgId") String orgId, @QueryParam("status") String status,
            @QueryParam("kind") String kind, @QueryParam("userId") String userId,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return tickets.list(caller, TicketOwner.organization(orgId), new TicketQuery(status, kind, userId, limit, offset))
                .map(result -> TicketPage.of(result, Times.now()));
    }

    /** The changes of the organization's tickets, live (contract §4, "Subscriptions"). */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> subscribe(@PathParam("orgId") String orgId, @Context Sse sse) {
        caller.requireOrganization(orgId, "Organization");
        return subscriptions.subscribe(StreamKey.tickets(orgId), Audience.ADMIN_API, sse);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTicket", summary = "Read a ticket", description = "Never its token or secret.")
    @APIResponse(responseCode = "200", description = "The ticket.")
    public Uni<TicketView> get(@PathParam("orgId") String orgId, @PathParam("id") String id) {
        return tickets.get(caller, TicketOwner.organization(orgId), id).map(t -> TicketView.of(t, Times.now()));
    }

    @GET
    @Path("{id}/usage")
    @Operation(operationId = "getTicketUsage", summary = "The ticket's usage per UTC day",
            description = "Requests allowed, refused with 403 and refused as invalid (wrong secret, revoked,"
            + " expired), per UTC day with any, from `from` to `to` (ISO-8601 dates, both included; by default the"
            + " last 30 days; at most 400). Counted where decisions are made and reported every 10 s, so the last"
            + " seconds may be missing.")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "The first day (UTC), e.g. `2026-12-01`.",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "The last day (UTC), e.g. `2026-12-31`.",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @APIResponse(responseCode = "200", description = "The ticket's days with any requests, oldest first.")
    public Uni<UsageView> usage(@PathParam("orgId") String orgId, @PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        UsagePeriod period = UsagePeriod.of(from, to, LocalDate.now(ZoneOffset.UTC));
        return tickets.usage(caller, TicketOwner.organization(orgId), id, period).map(days -> UsageView.of(id, period, days));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeTicket", summary = "Revoke a ticket", description = "Idempotent; the ticket"
            + " stays readable with status `REVOKED`, and every service refuses it within a second.")
    @APIResponse(responseCode = "204", description = "Revoked (or it already was).")
    public Uni<Response> revoke(@PathParam("orgId") String orgId, @PathParam("id") String id) {
        return tickets.revoke(caller, TicketOwner.organization(orgId), id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("{id}/rotation")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(operationId = "rotateTicket", summary = "Rotate a ticket's credential", description = "A new token"
            + " (and secret) replaces the old one, which keeps working for `graceSeconds` (0 to 86400, default 3600).")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = RotationRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rotation",
                    value = TicketExamples.ROTATION_JSON)) })
    @APIResponse(responseCode = "200", description = "The ticket with its new token (and secret); "
            + CredentialResponses.NO_STORE, content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = TicketExamples.NOT_ACTIVE)
    public Uni<Response> rotate(@PathParam("orgId") String orgId, @PathParam("id") String id,
            @Valid RotationRequest body) {
        return tickets.rotate(caller, TicketOwner.organization(orgId), id, body == null ? null : body.graceSeconds)
                .map(CredentialResponses::rotated);
    }
}
