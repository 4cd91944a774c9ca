package com.onecloud.console.ticket;

import static com.onecloud.console.api.ApiClient.parameters;
import static com.onecloud.console.api.ApiClient.query;
import static com.onecloud.console.api.ApiClient.segment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.onecloud.console.api.ApiClient;
import com.onecloud.console.api.ApiClient.Service;
import com.onecloud.console.session.CurrentSession;
import com.onecloud.console.session.Session.Credential;
import com.onecloud.console.session.Session.Issued;
import com.onecloud.console.session.Session.Notice;
import com.onecloud.console.web.Forms;
import com.onecloud.console.web.Pages;
import com.onecloud.console.web.Paging;
import com.onecloud.console.web.Views;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The ticket pages of one {@link TicketScope}: list with filters and paging, create, the ticket with its usage and
 * audit trail, rotate and revoke. A new token and secret go into the session once and are shown by the next page
 * only (post/redirect/get): a reload finds them gone.
 */
@ApplicationScoped
public class TicketPages {

    static final List<String> APIS = List.of("CONTACTS", "USERS", "TICKETS");
    private static final String[] FIELDS = {"id", "name", "kind", "organizationId", "userId", "apis", "status",
        "createdAt", "expiresAt", "revokedAt", "lastUsedAt"};
    private static final String[] AUDIT_FIELDS = {"id", "time", "action", "actor", "target", "sourceAddress",
        "changes", "reason"};

    private final ApiClient api;
    private final CurrentSession session;
    private final Pages pages;
    private final Template list;
    private final Template detail;
    private final Template revoke;

    TicketPages(ApiClient api, CurrentSession session, Pages pages, @Location("tickets.html") Template list,
            @Location("ticket.html") Template detail, @Location("revoke.html") Template revoke) {
        this.api = api;
        this.session = session;
        this.pages = pages;
        this.list = list;
        this.detail = detail;
        this.revoke = revoke;
    }

    TemplateInstance list(TicketScope scope, String status, String kind, String userId, String offsetText) {
        Credential credential = session.credential();
        int offset = Paging.offset(offsetText);
        Map<String, Object> filters = scope.superuserTickets() ? parameters("status", status)
                : parameters("status", status, "kind", kind, "userId", Forms.text(userId));
        Map<String, Object> request = new LinkedHashMap<>(filters);
        request.put("limit", Paging.SIZE);
        request.put("offset", offset);
        JsonNode page = api.get(Service.TICKET, scope.api() + query(request), credential);
        String link = scope.pages() + query(filters);
        return pages.page(list, scope.superuserTickets() ? "SUPERUSER tickets" : "Tickets")
                .data("scope", scope).data("tickets", Views.items(page, FIELDS))
                .data("status", status == null ? "" : status).data("kind", kind == null ? "" : kind)
                .data("userId", userId == null ? "" : userId).data("apis", APIS)
                .data("paging", new Paging(offset, page.path("total").asLong(), link + (link.contains("?") ? "&" : "?")));
    }

    Response create(TicketScope scope, String csrf, String name, String kind, String userId, List<String> apis,
            String expiresOn) {
        Credential credential = session.forChange(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Forms.text(name));
        if (!scope.superuserTickets()) {
            body.put("kind", Forms.text(kind));
            if ("USER".equals(kind)) {
                body.put("userId", Forms.text(userId));
            }
        }
        body.put("apis", apis == null ? List.of() : apis);
        String expiresAt = expiresAt(expiresOn);
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt);
        }
        JsonNode created = api.post(Service.TICKET, scope.api(), credential, body);
        String id = created.path("id").asText();
        session.issued(new Issued(id, created.path("token").asText(), created.path("secret").asText(null)));
        session.notice(Notice.info("Ticket " + created.path("name").asText() + " created."));
        return Pages.redirect(scope.pages() + "/" + segment(id));
    }

    TemplateInstance show(TicketScope scope, String id) {
        Credential credential = session.credential();
        String path = scope.api() + "/" + segment(id);
        JsonNode ticket = api.get(Service.TICKET, path, credential);
        JsonNode usage = api.get(Service.TICKET, path + "/usage", credential);
        JsonNode audit = api.get(Service.TICKET, scope.auditApi() + query(parameters("targetId", id, "limit",
                Paging.SIZE)), credential);
        Issued issued = session.takeIssued();
        return pages.page(detail, "Ticket " + ticket.path("name").asText()).data("scope", scope)
                .data("ticket", Views.of(ticket, FIELDS))
                .data("issued", issued != null && issued.ticketId().equals(id) ? issued : null)
                .data("chart", UsageChart.of(usage))
                .data("audit", Views.items(audit, AUDIT_FIELDS));
    }

    Response rotate(TicketScope scope, String id, String csrf, String graceSeconds) {
        Credential credential = session.forChange(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("graceSeconds", grace(graceSeconds));
        JsonNode rotated = api.post(Service.TICKET, scope.api() + "/" + segment(id) + "/rotation", credential, body);
        session.issued(new Issued(id, rotated.path("token").asText(), rotated.path("secret").asText(null)));
        session.notice(Notice.info("Ticket rotated: the old token and secret work until the grace period ends."));
        return Pages.redirect(scope.pages() + "/" + segment(id));
    }

    TemplateInstance confirmRevoke(TicketScope scope, String id) {
        JsonNode ticket = api.get(Service.TICKET, scope.api() + "/" + segment(id), session.credential());
        return pages.page(revoke, "Revoke ticket " + ticket.path("name").asText())
                .data("ticket", Views.of(ticket, FIELDS))
                .data("action", scope.pages() + "/" + segment(id) + "/revoke")
                .data("back", scope.pages() + "/" + segment(id));
    }

    Response revoke(TicketScope scope, String id, String csrf) {
        Credential credential = session.forChange(csrf);
        api.delete(Service.TICKET, scope.api() + "/" + segment(id), credential);
        session.notice(Notice.info("Ticket revoked: every service refuses it within a second."));
        return Pages.redirect(scope.pages() + "/" + segment(id));
    }

    /**
     * The date picker's day as the API's {@code expiresAt}: the ticket works until the end of that day, UTC. Blank
     * is the API's default; a garbled date is sent on as it is, for the API to refuse with its field named.
     */
    public static String expiresAt(String expiresOn) {
        String text = Forms.text(expiresOn);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                    .toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /** The grace as a number when it is one; otherwise sent on as text for the API to refuse with its field named. */
    static Object grace(String graceSeconds) {
        String text = Forms.text(graceSeconds);
        if (text == null) {
            return 3600;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The APIs ticked, in the API's order; for the form's checkboxes. */
    static List<String> ticked(List<String> apis) {
        List<String> ticked = new ArrayList<>();
        APIS.stream().filter(a -> apis != null && apis.contains(a)).forEach(ticked::add);
        return ticked;
    }
}
