package com.onecloud.resource.user;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import com.onecloud.audit.Origin;
import com.onecloud.authclient.Caller;
import com.onecloud.http.openapi.ApiDocs;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.paging.Versions;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.resource.common.Page;
import com.onecloud.resource.common.Pages;
import com.onecloud.resource.search.ContactSearch;
import com.onecloud.subscriptions.StreamKey;
import com.onecloud.subscriptions.Subscriptions;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** An organization's users (Admin API, API {@code USERS}). */
@Path("/api/admin/v1/organizations/{orgId}/users")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.ADMIN_API, api = Api.USERS)
@Tag(name = "Users", description = "An organization's user directory.")
public class UserResource {

    static final String JSON_EXAMPLE = """
            {"firstName": "Alice", "lastName": "Andersson", "email": "alice@example.com",
             "phoneNumber": "+358401234567"}""";
    static final String JSON_UPDATE_EXAMPLE = """
            {"firstName": "Alice", "lastName": "Berg", "email": "alice@example.com", "userApiEnabled": true,
             "version": 0}""";
    static final String DUPLICATE = "Another user of the organization has this email.";

    private final UserService users;
    private final Caller caller;
    private final Subscriptions subscriptions;

    UserResource(UserService users, Caller caller, Subscriptions subscriptions) {
        this.users = users;
        this.caller = caller;
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(operationId = "createUser", summary = "Add a user to the organization's directory",
            description = "The email is unique within the organization. `userApiEnabled` is `true` unless the"
                    + " request sets it. The user's activation is announced on `directory-events`.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = UserRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "user",
                    value = JSON_EXAMPLE)) })
    @APIResponse(responseCode = "201", description = "The new user.",
            headers = @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = DUPLICATE)
    public Uni<Response> create(@PathParam("orgId") String orgId, @Valid @NotNull UserRequest body,
            @Context UriInfo uri) {
        caller.requireOrganization(orgId, "Organization");
        return users.create(orgId, body, Origin.of(caller)).map(user -> Response
                .created(uri.getAbsolutePathBuilder().path(user.id()).build())
                .header(HttpHeaders.ETAG, Versions.etag(user.version())).entity(UserView.of(user)).build());
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List the organization's users",
            description = ApiDocs.SUBSCRIBABLE)
    @APIResponse(responseCode = "200", description = "A page of users.",
            content = @Content(schema = @Schema(implementation = Pages.UserPage.class)))
    public Uni<Page> list(@PathParam("orgId") String orgId, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset,
            // Last, so that a generated client's existing calls only gain a trailing argument.
            @Parameter(description = "Only the users whose names, email or phone number contain this"
                    + " (case-insensitive), or whose id it is; the total counts them. At most "
                    + ContactSearch.MAX_FRAGMENT + " characters; blank lists all.", schema = @Schema(
                            type = SchemaType.STRING, maxLength = ContactSearch.MAX_FRAGMENT))
            @QueryParam("q") String q) {
        caller.requireOrganization(orgId, "Organization");
        if (q != null && q.length() > ContactSearch.MAX_FRAGMENT) {
            throw InvalidInput.of("q", "q must be at most " + ContactSearch.MAX_FRAGMENT + " characters.");
        }
        PageRequest page = PageRequest.of(limit, offset);
        return (q == null || q.isBlank() ? users.page(orgId, page) : users.search(orgId, q.trim(), page))
                .map(found -> Page.of(found.items().stream().map(UserView::of).toList(), found.total(), page));
    }

    /**
     * The changes of the organization's users, live (contract §4, "Subscriptions"). Another organization's reads as
     * missing; a SUPERUSER naming one that does not exist gets a stream that stays quiet.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> subscribe(@PathParam("orgId") String orgId, @Context Sse sse) {
        caller.requireOrganization(orgId, "Organization");
        return subscriptions.subscribe(StreamKey.users(orgId), Audience.ADMIN_API, sse);
    }

    @GET
    @Path("{userId}")
    @Operation(operationId = "getUser", summary = "Read a user")
    @APIResponse(responseCode = "200", description = "The user.",
            headers = @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public Uni<Response> get(@PathParam("orgId") String orgId, @PathParam("userId") String userId) {
        caller.requireOrganization(orgId, "User");
        return users.get(orgId, userId).map(user -> Response.ok(UserView.of(user))
                .header(HttpHeaders.ETAG, Versions.etag(user.version())).build());
    }

    @PUT
    @Path("{userId}")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(operationId = "updateUser", summary = "Replace a user", description = "Carries the current version"
            + " (`If-Match` or the `version` field); a stale one is 409. The names, `email` and `phoneNumber` are"
            + " replaced (a `phoneNumber` left out is removed). `userApiEnabled` left out, or null, keeps its value, so"
            + " that a client that does not know the flag cannot switch a user's User API off; a value other than"
            + " `true` or `false` is 400. A change of the flag is announced on `directory-events`, from where the"
            + " platform's access decisions learn it.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = UserRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "user",
                    value = JSON_UPDATE_EXAMPLE)) })
    @APIResponse(responseCode = "200", description = "The user as replaced.",
            headers = @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "The version is stale, or " + DUPLICATE)
    public Uni<Response> update(@PathParam("orgId") String orgId, @PathParam("userId") String userId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull UserRequest body) {
        caller.requireOrganization(orgId, "User");
        long expected = Versions.expected(ifMatch, body.version);
        return users.update(orgId, userId, expected, body, Origin.of(caller)).map(user -> Response
                .ok(UserView.of(user))
                .header(HttpHeaders.ETAG, Versions.etag(user.version())).build());
    }

    @DELETE
    @Path("{userId}")
    @Operation(operationId = "deleteUser", summary = "Delete a user",
            description = "Their personal contacts go with them, and every ticket of theirs is revoked.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Uni<Response> delete(@PathParam("orgId") String orgId, @PathParam("userId") String userId) {
        caller.requireOrganization(orgId, "User");
        return users.delete(orgId, userId, Origin.of(caller)).map(ignored -> Response.noContent().build());
    }
}
