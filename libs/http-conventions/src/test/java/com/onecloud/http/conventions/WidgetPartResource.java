package com.onecloud.http.conventions;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.onecloud.access.Internal;

/** A collection nested under another resource's path, as users are under organizations. */
@Internal("test endpoints of the HTTP conventions")
@Path("/api/test/widgets/{id}/parts")
@Produces(MediaType.APPLICATION_JSON)
public class WidgetPartResource {

    @GET
    public List<String> parts(@PathParam("id") String id) {
        return List.of(id + "-part");
    }
}
