package com.onecloud.ticket.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;

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
import com.onecloud.ticket.service.TicketOwner;
import com.onecloud.ticket.service.TicketQuery;
import com.onecloud.ticket.service.TicketService;
import com.onecloud.ticket.service.UsagePeriod;
import com.onecloud.ticket.support.Times;

import io.smallrye.mutiny.Uni;

/** The platform's SUPERUSER tickets, for SUPERUSER principals only. */
@Path("/api/admin/v1/tickets")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.PLATFORM, api = Api.TICKETS)
@Tag(name = "Superuser tickets", description = "The platform's SUPERUSER tickets, for SUPERUSER principals only.")
public class SuperuserTicketResource {

    private final TicketService tickets;
    private final Caller caller;

    SuperuserTicketResource(TicketService tickets, Caller caller) {
        this.tickets = tickets;
        this.caller = caller;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(operationId = "createSuperuserTicket", summary = "Create a SUPERUSER ticket",
            description = "`kind` is `SUPERUSER` or absent. Token and secret are returned in this response only.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = TicketRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "superuser",
                    value = TicketExamples.SUPERUSER_JSON)) })
    @APIResponse(responseCode = "201", description = "The ticket with its token and secret; "
            + CredentialResponses.NO_STORE, content = @Content(schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> create(@Valid @NotNull TicketRequest body) {
        return tickets.issue(caller, TicketOwner.platform(), body.draft()).map(issued -> CredentialResponses
                .created(UriBuilder.fromPath("/api/admin/v1/tickets/{id}").build(issued.ticket().id), issued));
    }

    @GET
    @Operation(operationId = "listSuperuserTickets", summary = "List the SUPERUSER tickets")
    @APIResponse(responseCode = "200", description = "A page of tickets, newest first; never a token or secret.")
    public Uni<TicketPage> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return tickets.list(caller, TicketOwner.platform(), new TicketQuery(status, null, null, limit, offset))
                .map(result -> TicketPage.of(result, Times.now()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSuperuserTicket", summary = "Read a SUPERUSER ticket",
            description = "Never its token or secret.")
    @APIResponse(responseCode = "200", description = "The ticket.")
    public Uni<TicketView> get(@PathParam("id") String id) {
        return tickets.get(caller, TicketOwner.platform(), id).map(t -> TicketView.of(t, Times.now()));
    }

    @GET
    @Path("{id}/usage")
    @Operation(operationId = "getSuperuserTicketUsage", summary = "The ticket's usage per UTC day",
            description = "Requests allowed, refused with 403 and refused as invalid (wrong secret, revoked,"
            + " expired), per UTC day with any, from `from` to `to` (ISO-8601 dates, both included; by default the"
            + " last 30 days; at most 400). Counted where decisions are made and reported every 10 s, so the last"
            + " seconds may be missing.")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "The first day (UTC), e.g. `2026-12-01`.",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "The last day (UTC), e.g. `2026-12-31`.",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @APIResponse(responseCode = "200", description = "The ticket's days with any requests, oldest first.")
    public Uni<UsageView> usage(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        UsagePeriod period = UsagePeriod.of(from, to, LocalDate.now(ZoneOffset.UTC));
        return tickets.usage(caller, TicketOwner.platform(), id, period).map(days -> UsageView.of(id, period, days));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeSuperuserTicket", summary = "Revoke a SUPERUSER ticket",
            description = "Idempotent; the ticket stays readable with status `REVOKED`.")
    @APIResponse(responseCode = "204", description = "Revoked (or it already was).")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return tickets.revoke(caller, TicketOwner.platform(), id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("{id}/rotation")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(operationId = "rotateSuperuserTicket", summary = "Rotate a SUPERUSER ticket's credential",
            description = "A new token and secret replace the old ones, which keep working for `graceSeconds`"
                    + " (0 to 86400, default 3600).")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = RotationRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rotation",
                    value = TicketExamples.ROTATION_JSON)) })
    @APIResponse(responseCode = "200", description = "The ticket with its new token and secret; "
            + CredentialResponses.NO_STORE, content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = TicketExamples.NOT_ACTIVE)
    public Uni<Response> rotate(@PathParam("id") String id, @Valid RotationRequest body) {
        return tickets.rotate(caller, TicketOwner.platform(), id, body == null ? null : body.graceSeconds)
                .map(CredentialResponses::rotated);
    }
}
