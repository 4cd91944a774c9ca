package com.onecloud.console.organization;

import static com.onecloud.console.api.ApiClient.parameters;
import static com.onecloud.console.api.ApiClient.query;
import static com.onecloud.console.api.ApiClient.segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.databind.JsonNode;
import com.onecloud.console.api.ApiClient;
import com.onecloud.console.api.ApiClient.Service;
import com.onecloud.console.live.LivePages;
import com.onecloud.console.session.CurrentSession;
import com.onecloud.console.session.Session.Credential;
import com.onecloud.console.session.Session.Notice;
import com.onecloud.console.web.Pages;
import com.onecloud.console.web.Forms;
import com.onecloud.console.web.Paging;
import com.onecloud.console.web.Search;
import com.onecloud.console.web.Views;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Organizations (SUPERUSER only, as resource-service decides): list with search and paging, create, rename, the
 * Admin API and User API switches, and delete after typing the organization's name.
 */
@Path("/organizations")
@Produces(MediaType.TEXT_HTML)
public class OrganizationPages {

    private static final String API = "/api/admin/v1/organizations";
    private static final String[] FIELDS = {"id", "name", "adminApiEnabled", "userApiEnabled", "version"};

    private final ApiClient api;
    private final CurrentSession session;
    private final Pages pages;
    private final Template list;
    private final Template detail;

    OrganizationPages(ApiClient api, CurrentSession session, Pages pages,
            @Location("organizations.html") Template list, @Location("organization.html") Template detail) {
        this.api = api;
        this.session = session;
        this.pages = pages;
        this.list = list;
        this.detail = detail;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("offset") String offsetText) {
        Credential credential = session.credential();
        int offset = Paging.offset(offsetText);
        List<Map<String, Object>> rows;
        long total;
        boolean truncated = false;
        if (q == null || q.isBlank()) {
            JsonNode page = api.get(Service.RESOURCE, API + query(parameters("limit", Paging.SIZE, "offset", offset)),
                    credential);
            rows = Views.items(page, FIELDS);
            total = page.path("total").asLong();
        } else {
            Search.Result result = Search.matching(q, from -> api.get(Service.RESOURCE,
                    API + query(parameters("limit", Search.BATCH, "offset", from)), credential), List.of("name", "id"), FIELDS);
            rows = result.page(offset);
            total = result.hits().size();
            truncated = result.truncated();
        }
        return pages.page(list, "Organizations").data("liveUrl", LivePages.PATH + "/organizations")
                .data("organizations", rows).data("q", q == null ? "" : q)
                .data("truncated", truncated).data("maxScanned", Search.MAX_SCANNED)
                .data("paging", new Paging(offset, total, "/organizations" + query(parameters("q", q))
                        + (q == null || q.isBlank() ? "?" : "&")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String csrf, @RestForm String name, @RestForm String adminApiEnabled,
            @RestForm String userApiEnabled) {
        Credential credential = session.forChange(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name == null ? "" : name.trim());
        body.put("adminApiEnabled", Forms.checked(adminApiEnabled));
        body.put("userApiEnabled", Forms.checked(userApiEnabled));
        JsonNode created = api.post(Service.RESOURCE, API, credential, body);
        session.notice(Notice.info("Organization " + created.path("name").asText() + " created."));
        return Pages.redirect("/organizations/" + segment(created.path("id").asText()));
    }

    @GET
    @Path("{orgId}")
    public TemplateInstance show(@PathParam("orgId") String orgId) {
        JsonNode organization = api.get(Service.RESOURCE, API + "/" + segment(orgId), session.credential());
        return pages.page(detail, "Organization " + organization.path("name").asText())
                .data("organization", Views.of(organization, FIELDS));
    }

    @POST
    @Path("{orgId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("orgId") String orgId, @RestForm String csrf, @RestForm String name,
            @RestForm String adminApiEnabled, @RestForm String userApiEnabled, @RestForm String version) {
        Credential credential = session.forChange(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name == null ? "" : name.trim());
        body.put("adminApiEnabled", Forms.checked(adminApiEnabled));
        body.put("userApiEnabled", Forms.checked(userApiEnabled));
        api.put(Service.RESOURCE, API + "/" + segment(orgId), credential, body, Forms.version(version));
        session.notice(Notice.info("Organization saved. API switches take effect everywhere within a second."));
        return Pages.redirect("/organizations/" + segment(orgId));
    }

    @POST
    @Path("{orgId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("orgId") String orgId, @RestForm String csrf, @RestForm String confirmName) {
        Credential credential = session.forChange(csrf);
        JsonNode organization = api.get(Service.RESOURCE, API + "/" + segment(orgId), credential);
        String name = organization.path("name").asText();
        if (confirmName == null || !confirmName.trim().equals(name)) {
            session.notice(Notice.error("Nothing was deleted: type the organization's name exactly (" + name
                    + ") to confirm.", null));
            return Pages.redirect("/organizations/" + segment(orgId));
        }
        api.delete(Service.RESOURCE, API + "/" + segment(orgId), credential);
        session.notice(Notice.info("Organization " + name + " deleted; its users' and applications' tickets are"
                + " being revoked."));
        return Pages.redirect("/organizations");
    }
}
