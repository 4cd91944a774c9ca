package com.onecloud.resource.auth;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Protected;
import com.onecloud.authclient.Caller;

/** Protected endpoints that exist only in tests, to exercise the shared client side of authentication. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Probes")
public class ProbeResource {

    private final Caller caller;

    ProbeResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("user/v1/probe")
    @Protected(audience = Audience.USER_API, api = Api.CONTACTS)
    @Operation(operationId = "probeUserApi")
    public Map<String, String> user() {
        return Map.of("kind", caller.principal().kind().name(), "userId", caller.principal().userId());
    }

    @GET
    @Path("admin/v1/probe")
    @Protected(audience = Audience.ADMIN_API, api = Api.USERS)
    @Operation(operationId = "probeAdminApi")
    public Map<String, String> admin() {
        return Map.of("kind", caller.principal().kind().name());
    }
}
