package com.onecloud.auth.decision;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.onecloud.access.Decision;
import com.onecloud.access.DecisionRequest;
import com.onecloud.access.Internal;

import io.smallrye.mutiny.Uni;

/**
 * The internal decision point the other services call for every request they authenticate. 200 means the decision was
 * made; its {@code outcome} tells the caller whether to serve the request or answer 400/401/403. 503 (with
 * {@code Retry-After}) means no decision could be made: the caller must refuse the request, never let it through.
 * {@link DecisionFastLane} serves the callers' own requests before they reach this resource, with the same service.
 */
@Internal("the decision point of the other services: no ingress route, and its network policy admits only them")
@Path(DecisionResource.PATH)
@Tag(name = "Decisions", description = "The decision point ticket- and resource-service ask for every request they"
        + " authenticate. Internal: not reachable from outside the cluster.")
public class DecisionResource {

    static final String EXAMPLE = """
            {"authorization": "Bearer oc_...", "audience": "USER_API", "api": "CONTACTS"}""";

    static final String PATH = "/api/internal/v1/decisions";

    private final DecisionService decisions;

    DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decide", summary = "Authenticate and authorize one request",
            description = "Verifies the credential as presented (Authorization header value and t query parameter)"
                    + " and applies the access rules of the endpoint's audience and API.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "user-api", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The decision; its `outcome` tells the caller to serve the"
            + " request (`ALLOW`) or to answer 400, 401 or 403.",
            content = @Content(schema = @Schema(implementation = Decision.class)))
    @APIResponse(responseCode = "503", description = "No decision could be made: the caller must refuse the request.")
    public Uni<Decision> decide(DecisionRequest request) {
        return decisions.decide(request);
    }
}
