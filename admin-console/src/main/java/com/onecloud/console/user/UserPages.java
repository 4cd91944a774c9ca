package com.onecloud.console.user;

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
import com.onecloud.console.web.Forms;
import com.onecloud.console.web.Pages;
import com.onecloud.console.web.Paging;
import com.onecloud.console.web.Views;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** The users of an organization (API {@code USERS}): list with search and paging, create, edit, delete. */
@Path("/organizations/{orgId}/users")
@Produces(MediaType.TEXT_HTML)
public class UserPages {

    private static final String[] FIELDS = {"id", "organizationId", "firstName", "lastName", "email", "phoneNumber",
        "userApiEnabled", "version"};

    private final ApiClient api;
    private final CurrentSession session;
    private final Pages pages;
    private final Template list;
    private final Template detail;

    UserPages(ApiClient api, CurrentSession session, Pages pages, @Location("users.html") Template list,
            @Location("user.html") Template detail) {
        this.api = api;
        this.session = session;
        this.pages = pages;
        this.list = list;
        this.detail = detail;
    }

    private static String api(String orgId) {
        return "/api/admin/v1/organizations/" + segment(orgId) + "/users";
    }

    @GET
    public TemplateInstance list(@PathParam("orgId") String orgId, @QueryParam("q") String q,
            @QueryParam("offset") String offsetText) {
        Credential credential = session.credential();
        int offset = Paging.offset(offsetText);
        String search = Forms.text(q);
        JsonNode page = api.get(Service.RESOURCE, api(orgId) + query(parameters("q", search, "limit", Paging.SIZE,
                "offset", offset)), credential);
        List<Map<String, Object>> rows = Views.items(page, FIELDS);
        long total = page.path("total").asLong();
        String link = "/organizations/" + segment(orgId) + "/users" + query(parameters("q", q));
        return pages.page(list, "Users").data("orgId", orgId)
                .data("liveUrl", LivePages.PATH + "/organizations/" + segment(orgId) + "/users").data("users", rows).data("q", q == null ? "" : q)
                .data("paging", new Paging(offset, total, link + (link.contains("?") ? "&" : "?")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("orgId") String orgId, @RestForm String csrf, @RestForm String firstName,
            @RestForm String lastName, @RestForm String email, @RestForm String phoneNumber,
            @RestForm String userApiEnabled) {
        Credential credential = session.forChange(csrf);
        JsonNode created = api.post(Service.RESOURCE, api(orgId), credential,
                body(firstName, lastName, email, phoneNumber, userApiEnabled));
        session.notice(Notice.info("User " + created.path("firstName").asText() + " "
                + created.path("lastName").asText() + " created."));
        return Pages.redirect("/organizations/" + segment(orgId) + "/users/" + segment(created.path("id").asText()));
    }

    @GET
    @Path("{userId}")
    public TemplateInstance show(@PathParam("orgId") String orgId, @PathParam("userId") String userId) {
        JsonNode user = api.get(Service.RESOURCE, api(orgId) + "/" + segment(userId), session.credential());
        return pages.page(detail, "User " + user.path("firstName").asText() + " " + user.path("lastName").asText())
                .data("orgId", orgId).data("user", Views.of(user, FIELDS));
    }

    @POST
    @Path("{userId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("orgId") String orgId, @PathParam("userId") String userId,
            @RestForm String csrf, @RestForm String firstName, @RestForm String lastName, @RestForm String email,
            @RestForm String phoneNumber, @RestForm String userApiEnabled, @RestForm String version) {
        Credential credential = session.forChange(csrf);
        api.put(Service.RESOURCE, api(orgId) + "/" + segment(userId), credential,
                body(firstName, lastName, email, phoneNumber, userApiEnabled), Forms.version(version));
        session.notice(Notice.info("User saved."));
        return Pages.redirect("/organizations/" + segment(orgId) + "/users/" + segment(userId));
    }

    @POST
    @Path("{userId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("orgId") String orgId, @PathParam("userId") String userId,
            @RestForm String csrf, @RestForm String confirm) {
        Credential credential = session.forChange(csrf);
        if (!Forms.checked(confirm)) {
            session.notice(Notice.error("Nothing was deleted: tick the confirmation first.", null));
            return Pages.redirect("/organizations/" + segment(orgId) + "/users/" + segment(userId));
        }
        api.delete(Service.RESOURCE, api(orgId) + "/" + segment(userId), credential);
        session.notice(Notice.info("User deleted; their tokens are being revoked."));
        return Pages.redirect("/organizations/" + segment(orgId) + "/users");
    }

    private static Map<String, Object> body(String firstName, String lastName, String email, String phoneNumber,
            String userApiEnabled) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", Forms.text(firstName));
        body.put("lastName", Forms.text(lastName));
        body.put("email", Forms.text(email));
        if (Forms.text(phoneNumber) != null) {
            body.put("phoneNumber", Forms.text(phoneNumber));
        }
        body.put("userApiEnabled", Forms.checked(userApiEnabled));
        return body;
    }
}
