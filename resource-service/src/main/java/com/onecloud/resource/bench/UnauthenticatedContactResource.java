package com.onecloud.resource.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.onecloud.access.Internal;
import com.onecloud.http.paging.Versions;
import com.onecloud.resource.contact.ContactService;
import com.onecloud.resource.contact.ContactService.Owner;
import com.onecloud.resource.contact.ContactView;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.mutiny.Uni;

/**
 * BENCHMARK ONLY (tools/benchmarks): {@code GET /api/user/v1/contacts/{id}} without authentication, so that the
 * cost of authentication can be measured as the difference. Same service call and response as
 * {@code ContactResource#get}; the owner comes from two headers instead of the credential. Exists only in an
 * application built with the build profile {@code bench} ({@code -Dquarkus.profile=bench}); the normal (prod) build
 * does not contain this endpoint at all.
 */
@Internal("exists only in the benchmark build, to measure what authentication costs")
@IfBuildProfile("bench")
@Path("/bench/user/v1/contacts")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
public class UnauthenticatedContactResource {

    private final ContactService contacts;

    UnauthenticatedContactResource(ContactService contacts) {
        this.contacts = contacts;
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@PathParam("id") String id, @HeaderParam("X-Bench-Organization") String organizationId,
            @HeaderParam("X-Bench-User") String userId) {
        return contacts.get(new Owner(organizationId, userId), id).map(contact -> Response.ok(ContactView.of(contact))
                .header(HttpHeaders.ETAG, Versions.etag(contact.version())).build());
    }
}
