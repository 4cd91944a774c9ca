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
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.onecloud.access.Audience;
import com.onecloud.access.Protected;
import com.onecloud.audit.Origin;
import com.onecloud.authclient.Caller;
import com.onecloud.http.openapi.ApiDocs;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.paging.Versions;
import com.onecloud.resource.common.Page;
import com.onecloud.resource.common.Pages;
import com.onecloud.subscriptions.StreamKey;
import com.onecloud.subscriptions.Subscriptions;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Organizations: platform administration, SUPERUSER only. */
@Path("/api/admin/v1/organizations")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.PLATFORM)
@Tag(name = "Organizations", description = "The platform's organizations (tenants): SUPERUSER tickets only.")
public class OrganizationResource {

    static final String JSON_EXAMPLE = """
            {"name": "Acme", "adminApiEnabled": true, "userApiEnabled": true}""";
    static final String JSON_UPDATE_EXAMPLE = """
            {"name": "Acme Corporation", "adminApiEnabled": true, "userApiEnabled": false, "version": 0}""";

    private final OrganizationService organizations;
    private final Caller caller;
    private final Subscriptions subscriptions;

    OrganizationResource(OrganizationService organizations, Caller caller, Subscriptions subscriptions) {
        this.organizations = organizations;
        this.caller = caller;
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(operationId = "createOrganization", summary = "Create an organization", description =
            "`adminApiEnabled` and `userApiEnabled` are `false` unless the request sets them: a new organization's"
            + " APPLICATION and USER principals get 403 on the Admin API and the User API until they are activated."
            + " The activation is announced on `directory-events`.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = OrganizationRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "organization",
                    value = JSON_EXAMPLE)) })
    @APIResponse(responseCode = "201", description = "The new organization.",
            headers = @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Uni<Response> create(@Valid @NotNull OrganizationRequest body, @Context UriInfo uri) {
        return organizations.create(body, Origin.of(caller)).map(org -> Response
                .created(uri.getAbsolutePathBuilder().path(org.id()).build())
                .header(HttpHeaders.ETAG, Versions.etag(org.version())).entity(OrganizationView.of(org)).build());
    }

    @GET
    @Operation(operationId = "listOrganizations", summary = "List the organizations",
            description = ApiDocs.SUBSCRIBABLE)
    @APIResponse(responseCode = "200", description = "A page of organizations.",
            content = @Content(schema = @Schema(implementation = Pages.OrganizationPage.class)))
    public Uni<Page> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        PageRequest page = PageRequest.of(limit, offset);
        return organizations.page(page).flatMap(items -> organizations.count()
                .map(total -> Page.of(items.stream().map(OrganizationView::of).toList(), total, page)));
    }

    /** The changes of the organizations, live (contract §4, "Subscriptions"). */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> subscribe(@Context Sse sse) {
        return subscriptions.subscribe(StreamKey.ORGANIZATIONS, Audience.PLATFORM, sse);
    }

    @GET
    @Path("{orgId}")
    @Operation(operationId = "getOrganization", summary = "Read an organization")
    @APIResponse(responseCode = "200", description = "The organization.",
            headers = @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Uni<Response> get(@PathParam("orgId") String orgId) {
        return organizations.get(orgId).map(org -> Response.ok(OrganizationView.of(org))
                .header(HttpHeaders.ETAG, Versions.etag(org.version())).build());
    }

    @PUT
    @Path("{orgId}")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(operationId = "updateOrganization", summary = "Replace an organization", description = "Carries the"
            + " current version (`If-Match` or the `version` field); a stale one is 409. `name` is replaced. An"
            + " activation flag (`adminApiEnabled`, `userApiEnabled`) left out, or null, keeps its value, so that a"
            + " client that does not know the flags cannot switch an API off; a value other than `true` or `false` is"
            + " 400. A change of either flag is announced on `directory-events`, from where the platform's access"
            + " decisions learn it.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = OrganizationRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "organization",
                    value = JSON_UPDATE_EXAMPLE)) })
    @APIResponse(responseCode = "200", description = "The organization as replaced.",
            headers = @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Uni<Response> update(@PathParam("orgId") String orgId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OrganizationRequest body) {
        long expected = Versions.expected(ifMatch, body.version);
        return organizations.update(orgId, expected, body, Origin.of(caller)).map(org -> Response
                .ok(OrganizationView.of(org))
                .header(HttpHeaders.ETAG, Versions.etag(org.version())).build());
    }

    @DELETE
    @Path("{orgId}")
    @Operation(operationId = "deleteOrganization", summary = "Delete an organization",
            description = "Its users and their contacts go with it, and every ticket of it is revoked.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Uni<Response> delete(@PathParam("orgId") String orgId) {
        return organizations.delete(orgId, Origin.of(caller)).map(ignored -> Response.noContent().build());
    }
}
