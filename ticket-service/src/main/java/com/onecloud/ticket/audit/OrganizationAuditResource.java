package com.onecloud.ticket.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Protected;
import com.onecloud.authclient.Caller;

import io.smallrye.mutiny.Uni;

/** An organization's audit trail (Admin API, API {@code TICKETS}). */
@Tag(name = "Audit", description = "Who created, rotated and revoked tickets, and changed organizations and users.")
@Path("/api/admin/v1/organizations/{orgId}/audit")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.ADMIN_API, api = Api.TICKETS)
public class OrganizationAuditResource {

    private final AuditReader audit;
    private final Caller caller;

    OrganizationAuditResource(AuditReader audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listOrganizationAudit", summary = "The organization's audit trail",
            description = AuditDocs.TRAIL
            + " Every entry whose `organizationId` is this organization: its tickets, users and the organization itself.")
    @APIResponse(responseCode = "200", description = "A page of entries, newest first.")
    @APIResponse(responseCode = "400", description = AuditDocs.BAD_FILTER)
    @APIResponse(responseCode = "404", description = "The organization is another one's: its trail reads as one that"
            + " does not exist.")
    public Uni<AuditPage> list(@PathParam("orgId") String orgId,
            @Parameter(description = AuditDocs.ACTION) @QueryParam("action") String action,
            @Parameter(description = AuditDocs.TARGET_ID) @QueryParam("targetId") String targetId,
            @Parameter(description = AuditDocs.ACTOR_ID) @QueryParam("actorId") String actorId,
            @Parameter(description = AuditDocs.FROM) @QueryParam("from") String from,
            @Parameter(description = AuditDocs.TO) @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return audit.organization(caller, orgId, new AuditQuery(action, targetId, actorId, from, to, limit, offset))
                .map(AuditPage::of);
    }
}
