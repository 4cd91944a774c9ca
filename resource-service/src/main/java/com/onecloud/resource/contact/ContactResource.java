package com.onecloud.resource.contact;

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

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Principal;
import com.onecloud.access.Protected;
import com.onecloud.authclient.Caller;
import com.onecloud.http.openapi.ApiDocs;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.paging.Versions;
import com.onecloud.resource.common.Page;
import com.onecloud.resource.common.Pages;
import com.onecloud.resource.contact.ContactService.Owner;
import com.onecloud.subscriptions.StreamKey;
import com.onecloud.subscriptions.Subscriptions;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The calling user's personal contacts (User API, API {@code CONTACTS}). */
@Path("/api/user/v1/contacts")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.USER_API, api = Api.CONTACTS)
@Tag(name = "Contacts", description = "The calling user's personal contacts.")
public class ContactResource {

    static final String JSON_EXAMPLE = """
            {"firstName": "Carol", "lastName": "Carlsson", "company": "Acme", "email": "carol@example.com",
             "phoneNumber": "+358401234567"}""";
    static final String JSON_UPDATE_EXAMPLE = """
            {"firstName": "Carol", "lastName": "Carlsson", "company": "Globex", "version": 0}""";

    private final ContactService contacts;
    private final Caller caller;
    private final Subscriptions subscriptions;

    ContactResource(ContactService contacts, Caller caller, Subscriptions subscriptions) {
        this.contacts = contacts;
        this.caller = caller;
        this.subscriptions = subscriptions;
    }

    private Owner owner() {
        Principal p = caller.principal();
        return new Owner(p.organizationId(), p.userId());
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(operationId = "createContact", summary = "Create a personal contact",
            description = "Only `firstName` is required.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = ContactRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "contact",
                    value = JSON_EXAMPLE)) })
    @APIResponse(responseCode = "201", description = "The new contact.",
            headers = @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    public Uni<Response> create(@Valid @NotNull ContactRequest body, @Context UriInfo uri) {
        return contacts.create(owner(), body).map(contact -> Response
                .created(uri.getAbsolutePathBuilder().path(contact.id()).build())
                .header(HttpHeaders.ETAG, Versions.etag(contact.version())).entity(ContactView.of(contact)).build());
    }

    @GET
    @Operation(operationId = "listContacts", summary = "List your personal contacts",
            description = ApiDocs.SUBSCRIBABLE)
    @APIResponse(responseCode = "200", description = "A page of contacts.",
            content = @Content(schema = @Schema(implementation = Pages.ContactPage.class)))
    public Uni<Page> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        PageRequest page = PageRequest.of(limit, offset);
        Owner owner = owner();
        return contacts.page(owner, page)
                .map(found -> Page.of(found.items().stream().map(ContactView::of).toList(), found.total(), page));
    }

    /** The changes of the calling user's personal contacts, live (contract §4, "Subscriptions"). */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> subscribe(@Context Sse sse) {
        Owner owner = owner();
        return subscriptions.subscribe(StreamKey.contacts(owner.organizationId(), owner.userId()), Audience.USER_API,
                sse);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getContact", summary = "Read a personal contact")
    @APIResponse(responseCode = "200", description = "The contact.",
            headers = @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return contacts.get(owner(), id).map(contact -> Response.ok(ContactView.of(contact))
                .header(HttpHeaders.ETAG, Versions.etag(contact.version())).build());
    }

    @PUT
    @Path("{id}")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    @Operation(operationId = "updateContact", summary = "Replace a personal contact",
            description = "Carries the version it replaces: `If-Match` or `version`.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = ContactRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "contact",
                    value = JSON_UPDATE_EXAMPLE)) })
    @APIResponse(responseCode = "200", description = "The contact as replaced.",
            headers = @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    public Uni<Response> update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ContactRequest body) {
        long expected = Versions.expected(ifMatch, body.version);
        return contacts.update(owner(), id, expected, body).map(contact -> Response.ok(ContactView.of(contact))
                .header(HttpHeaders.ETAG, Versions.etag(contact.version())).build());
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteContact", summary = "Delete a personal contact")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Uni<Response> delete(@PathParam("id") String id) {
        return contacts.delete(owner(), id).map(ignored -> Response.noContent().build());
    }
}
