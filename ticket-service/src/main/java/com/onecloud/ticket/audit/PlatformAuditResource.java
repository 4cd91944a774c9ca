package com.onecloud.ticket.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.onecloud.access.Audience;
import com.onecloud.access.Protected;

import io.smallrye.mutiny.Uni;

/** The whole platform's audit trail: platform administration, SUPERUSER only. */
@Tag(name = "Platform audit", description = "The whole platform's audit trail, for SUPERUSER principals.")
@Path("/api/admin/v1/audit")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.PLATFORM)
public class PlatformAuditResource {

    private final AuditReader audit;

    PlatformAuditResource(AuditReader audit) {
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "listPlatformAudit", summary = "The platform's audit trail",
            description = AuditDocs.TRAIL
            + " Every organization's entries and the platform's own (SUPERUSER tickets, no `organizationId`).")
    @APIResponse(responseCode = "200", description = "A page of entries, newest first.")
    @APIResponse(responseCode = "400", description = AuditDocs.BAD_FILTER)
    public Uni<AuditPage> list(@Parameter(description = AuditDocs.ACTION) @QueryParam("action") String action,
            @Parameter(description = AuditDocs.TARGET_ID) @QueryParam("targetId") String targetId,
            @Parameter(description = AuditDocs.ACTOR_ID) @QueryParam("actorId") String actorId,
            @Parameter(description = AuditDocs.FROM) @QueryParam("from") String from,
            @Parameter(description = AuditDocs.TO) @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return audit.platform(new AuditQuery(action, targetId, actorId, from, to, limit, offset)).map(AuditPage::of);
    }
}
