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

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Principal;
import com.onecloud.access.Protected;
import com.onecloud.authclient.Caller;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.paging.Versions;
import com.onecloud.resource.common.Page;
import com.onecloud.resource.contact.ContactService.Owner;

import io.smallrye.mutiny.Uni;

/** The calling user's personal contacts (User API, API {@code CONTACTS}). */
@Path("/api/user/v1/contacts")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.USER_API, api = Api.CONTACTS)
public class ContactResource {

    private final ContactService contacts;
    private final Caller caller;

    ContactResource(ContactService contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    private Owner owner() {
        Principal p = caller.principal();
        return new Owner(p.organizationId(), p.userId());
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    public Uni<Response> create(@Valid @NotNull ContactRequest body, @Context UriInfo uri) {
        return contacts.create(owner(), body).map(contact -> Response
                .created(uri.getAbsolutePathBuilder().path(contact.id()).build())
                .header(HttpHeaders.ETAG, Versions.etag(contact.version())).entity(ContactView.of(contact)).build());
    }

    @GET
    public Uni<Page> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        PageRequest page = PageRequest.of(limit, offset);
        Owner owner = owner();
        return contacts.page(owner, page).flatMap(items -> contacts.count(owner)
                .map(total -> Page.of(items.stream().map(ContactView::of).toList(), total, page)));
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return contacts.get(owner(), id).map(contact -> Response.ok(ContactView.of(contact))
                .header(HttpHeaders.ETAG, Versions.etag(contact.version())).build());
    }

    @PUT
    @Path("{id}")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    public Uni<Response> update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ContactRequest body) {
        long expected = Versions.expected(ifMatch, body.version);
        return contacts.update(owner(), id, expected, body).map(contact -> Response.ok(ContactView.of(contact))
                .header(HttpHeaders.ETAG, Versions.etag(contact.version())).build());
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return contacts.delete(owner(), id).map(ignored -> Response.noContent().build());
    }
}
