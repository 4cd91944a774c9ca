package com.onecloud.resource.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.onecloud.access.Audience;
import com.onecloud.access.Protected;
import com.onecloud.audit.Origin;
import com.onecloud.authclient.Caller;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.paging.Versions;
import com.onecloud.resource.common.Page;

import io.smallrye.mutiny.Uni;

/** Organizations: platform administration, SUPERUSER only. */
@Path("/api/admin/v1/organizations")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.PLATFORM)
public class OrganizationResource {

    private final OrganizationService organizations;
    private final Caller caller;

    OrganizationResource(OrganizationService organizations, Caller caller) {
        this.organizations = organizations;
        this.caller = caller;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(summary = "Create an organization", description = "`adminApiEnabled` and `userApiEnabled` are `false` "
            + "unless the request sets them: a new organization's APPLICATION and USER principals get 403 on the Admin "
            + "API and the User API until they are activated. The activation is announced on `directory-events`.")
    public Uni<Response> create(@Valid @NotNull OrganizationRequest body, @Context UriInfo uri) {
        return organizations.create(body, Origin.of(caller)).map(org -> Response
                .created(uri.getAbsolutePathBuilder().path(org.id()).build())
                .header(HttpHeaders.ETAG, Versions.etag(org.version())).entity(OrganizationView.of(org)).build());
    }

    @GET
    public Uni<Page> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        PageRequest page = PageRequest.of(limit, offset);
        return organizations.page(page).flatMap(items -> organizations.count()
                .map(total -> Page.of(items.stream().map(OrganizationView::of).toList(), total, page)));
    }

    @GET
    @Path("{orgId}")
    public Uni<Response> get(@PathParam("orgId") String orgId) {
        return organizations.get(orgId).map(org -> Response.ok(OrganizationView.of(org))
                .header(HttpHeaders.ETAG, Versions.etag(org.version())).build());
    }

    @PUT
    @Path("{orgId}")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(summary = "Replace an organization", description = "Carries the current version (`If-Match` or the "
            + "`version` field); a stale one is 409. `name` is replaced. An activation flag (`adminApiEnabled`, "
            + "`userApiEnabled`) left out, or null, keeps its value, so that a client that does not know the flags "
            + "cannot switch an API off; a value other than `true` or `false` is 400. A change of either flag is "
            + "announced on `directory-events`, from where the platform's access decisions learn it.")
    public Uni<Response> update(@PathParam("orgId") String orgId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OrganizationRequest body) {
        long expected = Versions.expected(ifMatch, body.version);
        return organizations.update(orgId, expected, body, Origin.of(caller)).map(org -> Response
                .ok(OrganizationView.of(org))
                .header(HttpHeaders.ETAG, Versions.etag(org.version())).build());
    }

    @DELETE
    @Path("{orgId}")
    public Uni<Response> delete(@PathParam("orgId") String orgId) {
        return organizations.delete(orgId, Origin.of(caller)).map(ignored -> Response.noContent().build());
    }
}
