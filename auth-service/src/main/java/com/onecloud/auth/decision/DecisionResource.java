package com.onecloud.auth.decision;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

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
public class DecisionResource {

    static final String PATH = "/api/internal/v1/decisions";

    private final DecisionService decisions;

    DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Authenticate and authorize one request",
            description = "Verifies the credential as presented (Authorization header value and t query parameter)"
                    + " and applies the access rules of the endpoint's audience and API.")
    public Uni<Decision> decide(DecisionRequest request) {
        return decisions.decide(request);
    }
}
