package com.onecloud.resource.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Principal;
import com.onecloud.access.Protected;
import com.onecloud.authclient.Caller;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.resource.common.Page;

import io.smallrye.mutiny.Uni;

/** Contact search (User API, API {@code CONTACTS}). */
@Path("/api/user/v1/contacts/search")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.USER_API, api = Api.CONTACTS)
public class SearchResource {

    static final int MAX_QUERY = 100;

    private final ContactSearch search;
    private final Caller caller;

    SearchResource(ContactSearch search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    public Uni<Page> search(@QueryParam("q") String q, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        if (q == null || q.isBlank() || q.length() > MAX_QUERY) {
            throw InvalidInput.of("q", "q must be 1 to " + MAX_QUERY + " characters.");
        }
        PageRequest page = PageRequest.of(limit, offset);
        Principal p = caller.principal();
        return search.search(p.organizationId(), p.userId(), q.trim(), page);
    }
}
