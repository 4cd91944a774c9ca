package com.onecloud.http.conventions;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.onecloud.access.Internal;

/** A literal path beside {@code /api/test/widgets/{id}}: routing takes it alone, and so must {@code Allow}. */
@Internal("test endpoints of the HTTP conventions")
@Path("/api/test/widgets/search")
@Produces(MediaType.APPLICATION_JSON)
public class WidgetSearchResource {

    @GET
    public List<String> search(@QueryParam("q") String q) {
        return List.of(String.valueOf(q));
    }
}
