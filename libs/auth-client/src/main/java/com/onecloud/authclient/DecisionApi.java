package com.onecloud.authclient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.onecloud.access.Decision;
import com.onecloud.access.DecisionRequest;

import io.smallrye.mutiny.Uni;

/** auth-service's decision API. Its base URL is {@code quarkus.rest-client.auth-service.url}. */
@RegisterRestClient(configKey = "auth-service")
@Path("/api/internal/v1/decisions")
public interface DecisionApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Decision> decide(DecisionRequest request);
}
