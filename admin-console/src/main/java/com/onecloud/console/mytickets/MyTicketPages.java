package com.onecloud.console.mytickets;

import static com.onecloud.console.api.ApiClient.parameters;
import static com.onecloud.console.api.ApiClient.query;
import static com.onecloud.console.api.ApiClient.segment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
import com.onecloud.console.session.CurrentSession;
import com.onecloud.console.session.Session.Credential;
import com.onecloud.console.session.Session.Issued;
import com.onecloud.console.session.Session.Notice;
import com.onecloud.console.ticket.TicketPages;
import com.onecloud.console.web.Forms;
import com.onecloud.console.web.Pages;
import com.onecloud.console.web.Paging;
import com.onecloud.console.web.Views;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * My tickets: a user signed in through the identity provider lists, creates and revokes their own Bearer tokens
 * through ticket-service's self-service API ({@code /api/user/v1/tickets}), with the provider's access token. The API
 * decides who may: any other credential gets its 403 as a readable page. A new token is shown once
 * (post/redirect/get, as for tickets). A token ends no later than the access token that made it (ticket-service's
 * rule), and the page says when that is.
 */
@Path("/my/tickets")
@Produces(MediaType.TEXT_HTML)
public class MyTicketPages {

    static final String API = "/api/user/v1/tickets";
    private static final String[] FIELDS = {"id", "name", "apis", "status", "createdAt", "expiresAt", "lastUsedAt"};

    private final ApiClient api;
    private final CurrentSession session;
    private final Pages pages;
    private final Template list;
    private final Template revoke;
    private final Clock clock;

    MyTicketPages(ApiClient api, CurrentSession session, Pages pages, @Location("my-tickets.html") Template list,
            @Location("revoke.html") Template revoke, Clock clock) {
        this.api = api;
        this.session = session;
        this.pages = pages;
        this.list = list;
        this.revoke = revoke;
        this.clock = clock;
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("offset") String offsetText) {
        Credential credential = session.credential();
        int offset = Paging.offset(offsetText);
        JsonNode page = api.get(Service.TICKET, API + query(parameters("status", status, "limit", Paging.SIZE,
                "offset", offset)), credential);
        String link = "/my/tickets" + query(parameters("status", status));
        Instant ends = credentialEnd(credential);
        Paging paging = new Paging(offset, page.path("total").asLong(), link + (link.contains("?") ? "&" : "?"));
        return pages.page(list, "My tickets").data("tickets", Views.items(page, FIELDS))
                .data("status", status == null ? "" : status).data("paging", paging)
                .data("issued", session.takeIssued())
                .data("apis", credential.apis())
                .data("ends", ends)
                .data("endsOn", ends == null ? null : LocalDate.ofInstant(ends, ZoneOffset.UTC))
                .data("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String csrf, @RestForm String name, @RestForm List<String> apis,
            @RestForm String expiresOn) {
        Credential credential = session.forChange(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Forms.text(name));
        body.put("apis", apis == null ? List.of() : apis);
        String expiresAt = expiresAt(expiresOn, credentialEnd(credential));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt);
        }
        JsonNode created = api.post(Service.TICKET, API, credential, body);
        session.issued(new Issued(created.path("id").asText(), created.path("token").asText(), null));
        session.notice(Notice.info("Token " + created.path("name").asText() + " created; it expires at "
                + created.path("expiresAt").asText() + "."));
        return Pages.redirect("/my/tickets");
    }

    @GET
    @Path("{id}/revoke")
    public TemplateInstance confirmRevoke(@PathParam("id") String id) {
        JsonNode ticket = api.get(Service.TICKET, API + "/" + segment(id), session.credential());
        return pages.page(revoke, "Revoke token " + ticket.path("name").asText())
                .data("ticket", Views.of(ticket, "id", "name", "kind"))
                .data("action", "/my/tickets/" + segment(id) + "/revoke").data("back", "/my/tickets");
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") String id, @RestForm String csrf) {
        api.delete(Service.TICKET, API + "/" + segment(id), session.forChange(csrf));
        session.notice(Notice.info("Token revoked: every service refuses it within a second."));
        return Pages.redirect("/my/tickets");
    }

    /**
     * The end the form asks for: the end of the chosen day (UTC), but no later than the signed-in credential, which
     * ticket-service would refuse, as the page says beforehand. Blank is the API's default: the credential's end.
     */
    static String expiresAt(String expiresOn, Instant credentialEnd) {
        String endOfDay = TicketPages.expiresAt(expiresOn);
        if (endOfDay == null || credentialEnd == null) {
            return endOfDay;
        }
        try {
            return Instant.parse(endOfDay).isAfter(credentialEnd) ? credentialEnd.toString() : endOfDay;
        } catch (DateTimeParseException e) {
            return endOfDay;
        }
    }

    /** When the signed-in credential ends: a provider's token knows; a ticket is left to the API to say. */
    private static Instant credentialEnd(Credential credential) {
        return credential.expiresAt() == null ? null : Instant.ofEpochSecond(credential.expiresAt());
    }
}
