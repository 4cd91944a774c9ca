package com.onecloud.resource.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Principal;
import com.onecloud.access.Protected;
import com.onecloud.authclient.Caller;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.resource.common.Page;
import com.onecloud.resource.common.Pages;

import io.smallrye.mutiny.Uni;

/** Contact search (User API, API {@code CONTACTS}). */
@Path("/api/user/v1/contacts/search")
@Produces({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML })
@Protected(audience = Audience.USER_API, api = Api.CONTACTS)
@Tag(name = "Contact search", description = "Search over your personal contacts and your organization's directory.")
public class SearchResource {

    private final ContactSearch search;
    private final Caller caller;

    SearchResource(ContactSearch search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "searchContacts", summary = "Search contacts and the directory",
            description = "Matches `q` (case-insensitive) in the names, company and email of your personal contacts"
                    + " and of your organization's users; each hit says which (`PERSONAL` or `DIRECTORY`).")
    @Parameter(name = "q", in = ParameterIn.QUERY, required = true, description = "What to look for, 1 to "
            + ContactSearch.MAX_FRAGMENT + " characters.", schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = ContactSearch.MAX_FRAGMENT))
    @APIResponse(responseCode = "200", description = "A page of hits.",
            content = @Content(schema = @Schema(implementation = Pages.HitPage.class)))
    public Uni<Page> search(@QueryParam("q") String q, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        if (q == null || q.isBlank() || q.length() > ContactSearch.MAX_FRAGMENT) {
            throw InvalidInput.of("q", "q must be 1 to " + ContactSearch.MAX_FRAGMENT + " characters.");
        }
        PageRequest page = PageRequest.of(limit, offset);
        Principal p = caller.principal();
        return search.search(p.organizationId(), p.userId(), q.trim(), page);
    }
}
