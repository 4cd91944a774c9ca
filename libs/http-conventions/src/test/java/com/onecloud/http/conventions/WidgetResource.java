package com.onecloud.http.conventions;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.onecloud.access.Internal;

/** Endpoints for the conventions tests; each answer says which method handled it in {@code X-Handled-By}. */
@Internal("test endpoints of the HTTP conventions")
@Path("/api/test/widgets")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
public class WidgetResource {

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return handledBy("GET", new Widget(id));
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    public Response create(@Valid Widget widget) {
        return Response.status(201).entity(widget).header("X-Handled-By", "POST").build();
    }

    @PUT
    @Path("{id}")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
    public Response replace(@PathParam("id") String id, @Valid Widget widget) {
        return handledBy("PUT", widget);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return Response.noContent().header("X-Handled-By", "DELETE").build();
    }

    @GET
    @Path("boom")
    public Response boom() {
        throw new IllegalStateException("internal state of com.onecloud.Secret at table tickets");
    }

    @GET
    @Path("unwritable")
    public Unwritable unwritable() {
        return new Unwritable();
    }

    /** A body whose serialisation fails after the endpoint returned. */
    public static class Unwritable {
        public String getValue() {
            throw new IllegalStateException("cannot write com.onecloud.Unwritable");
        }
    }

    private static Response handledBy(String method, Widget widget) {
        return Response.ok(widget).header("X-Handled-By", method).build();
    }
}
