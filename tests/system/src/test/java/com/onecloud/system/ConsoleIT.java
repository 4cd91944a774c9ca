package com.onecloud.system;

import static com.onecloud.system.Clients.app;
import static com.onecloud.system.Clients.platform;
import static com.onecloud.system.Clients.superuser;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.onecloud.platform.Platform;
import com.onecloud.system.Clients.AppTicket;
import com.onecloud.system.Clients.UserToken;
import com.onecloud.testsupport.oidc.TestOidcProvider;

/**
 * The administrator console in a real browser (Debian's Chromium) against the packaged services: a superuser signs
 * in with the bootstrap credential, creates an organization with both APIs activated, a user and an application
 * ticket whose secret is shown once; the ticket works through the API, is rotated and revoked, and the API refuses
 * it. Also: a USER token is refused at sign-in, a form without the CSRF token is refused, sign-out, and an application
 * signed in is signed out at its next request once its ticket is revoked. A user signs in through the identity
 * provider and manages their own tokens on My tickets. axe-core finds no serious or critical accessibility violation
 * in the main pages, and each main page is photographed (tests/system/target/screenshots).
 */
@Order(7)
class ConsoleIT {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Test
    void anAdministratorRunsATicketsWholeLifeInTheConsole() throws Exception {
        Platform p = platform();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String users = "/api/admin/v1/organizations/%s/users";
        // A USER token, made through the API, for the refusal at sign-in.
        String other = Clients.newOrganization("Console other " + suffix);
        AppTicket issuer = Clients.newApplication(other, "USERS", "TICKETS");
        String bob = Clients.newUser(issuer, other, "Bob", "Other", "bob." + suffix + "@example.com");
        UserToken userToken = Clients.newUserToken(issuer, other, bob, "CONTACTS");

        try (Browser b = new Browser(p.consoleUrl())) {
            b.open("/");
            b.awaitPath("/sign-in");
            accessible(b, "sign-in");

            b.type("#token", userToken.token());
            b.click("main form button[type=submit]");
            b.awaitText("This is a USER token");

            b.type("#token", p.bootstrapToken());
            b.type("#secret", p.bootstrapSecret());
            b.click("main form button[type=submit]");
            b.awaitPath("/organizations");

            // An organization with both APIs activated; renamed; listed by a search.
            b.type("#new-name", "Console " + suffix);
            b.click("#new-admin");
            b.click("#new-user");
            b.click("form[action='/organizations'][method=post] button[type=submit]");
            String orgId = b.awaitPath("/organizations/[^/?]+").substring("/organizations/".length());
            assertThat(b.find("#adminApiEnabled").isSelected()).isTrue();
            assertThat(b.find("#userApiEnabled").isSelected()).isTrue();
            b.type("#name", "Console " + suffix + " renamed");
            b.click("form[action='/organizations/" + orgId + "'] button[type=submit]");
            b.awaitText("Organization saved");
            b.open("/organizations?q=" + suffix + "%20renamed");
            assertThat(b.text()).contains("Console " + suffix + " renamed").doesNotContain("Console other " + suffix);
            accessible(b, "organizations");

            // A user; the same email again is the API's 409, shown with its log token.
            b.open("/organizations/" + orgId + "/users");
            for (int attempt = 0; attempt < 2; attempt++) {
                b.open("/organizations/" + orgId + "/users");
                b.type("#firstName", "Alice");
                b.type("#lastName", "Console");
                b.type("#email", "alice." + suffix + "@example.com");
                b.click("form[method=post][action='/organizations/" + orgId + "/users'] button[type=submit]");
                if (attempt == 0) {
                    b.awaitPath("/organizations/" + orgId + "/users/[^/]+");
                }
            }
            b.awaitText("resource-service refused this (409)");
            assertThat(b.text()).contains("Log token");
            b.open("/organizations/" + orgId + "/users?q=alice");
            assertThat(b.text()).contains("alice." + suffix + "@example.com");
            accessible(b, "users");

            // An application ticket: token and secret shown once.
            b.open("/organizations/" + orgId + "/tickets");
            b.awaitText("This list updates live.");
            accessible(b, "tickets-empty");
            b.type("#name", "crm");
            b.click("#api-USERS");
            b.click("#api-TICKETS");
            b.click("form[action='/organizations/" + orgId + "/tickets'][method=post] button[type=submit]");
            String ticketPage = b.awaitPath("/organizations/" + orgId + "/tickets/[^/]+");
            String ticketId = ticketPage.substring(ticketPage.lastIndexOf('/') + 1);
            AppTicket crm = issued(b, ticketId);
            assertThat(b.text()).contains("only time");
            accessible(b, "ticket-issued");
            b.reload();
            assertThat(b.all("#issued-token")).isEmpty();
            assertThat(b.source()).doesNotContain(crm.token()).doesNotContain(crm.secret());

            // It works through the API; rotated without grace, the new one works and the old one stops.
            String crmUsers = users.formatted(orgId);
            Awaitility.await().atMost(WITHIN).until(() -> app(p.resourceUrl(), crm).get(crmUsers).statusCode() == 200);
            b.type("#graceSeconds", "0");
            b.click("form[action$='/rotation'] button[type=submit]");
            b.awaitText("Ticket rotated");
            AppTicket rotated = issued(b, ticketId);
            assertThat(rotated.token()).isNotEqualTo(crm.token());
            Awaitility.await().atMost(WITHIN).until(() -> app(p.resourceUrl(), rotated).get(crmUsers)
                    .statusCode() == 200);
            Awaitility.await().atMost(WITHIN).until(() -> app(p.resourceUrl(), crm).get(crmUsers).statusCode() == 401);

            // Revoked after confirmation: refused by the API, REVOKED on its page, in its audit trail.
            b.click("a[href$='/revoke']");
            b.awaitPath(ticketPage + "/revoke");
            accessible(b, "revoke");
            b.click("main form button[type=submit]");
            b.awaitPath(ticketPage);
            b.awaitText("Ticket revoked");
            assertThat(b.find("#ticket-status").getText()).isEqualTo("REVOKED");
            Awaitility.await().atMost(WITHIN).until(() -> app(p.resourceUrl(), rotated).get(crmUsers)
                    .statusCode() == 401);
            assertThat(b.text()).contains("ticket.revoked").contains("ticket.rotated").contains("ticket.created");
            accessible(b, "ticket");
            b.open("/organizations/" + orgId + "/tickets?status=REVOKED");
            assertThat(b.text()).contains("crm").contains("REVOKED");
            accessible(b, "tickets");
            b.open("/superuser-tickets");
            assertThat(b.text()).contains("SUPERUSER");
            accessible(b, "superuser-tickets");

            // A state change without the page's CSRF token is refused, even with the signed-in session's cookie.
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(p.consoleUrl() + "/organizations"))
                    .header("Cookie", "onecloud_console=" + b.cookie("onecloud_console"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=Forged+" + suffix)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(superuser(p.resourceUrl()).get("/api/admin/v1/organizations?limit=500").asString())
                    .doesNotContain("Forged " + suffix);

            // Delete needs the organization's name typed exactly.
            b.open("/organizations/" + other);
            b.type("#confirmName", "not the name");
            b.click("form[action$='/delete'] button[type=submit]");
            b.awaitText("Nothing was deleted");
            b.type("#confirmName", "Console other " + suffix);
            b.click("form[action$='/delete'] button[type=submit]");
            b.awaitPath("/organizations");
            assertThat(b.text()).contains("deleted");
            superuser(p.resourceUrl()).get("/api/admin/v1/organizations/" + other).then().statusCode(404);

            // Sign-out: the pages need signing in again.
            b.click("form[action='/sign-out'] button");
            b.awaitPath("/sign-in");
            assertThat(b.text()).contains("You are signed out");
            b.open("/organizations");
            b.awaitPath("/sign-in");

            // An application ticket granted TICKETS signs in with its organization; revoked, its next page signs
            // it out.
            AppTicket admin = Clients.newApplication(orgId, "USERS", "TICKETS");
            b.type("#token", admin.token());
            b.type("#secret", admin.secret());
            b.type("#organizationId", orgId);
            b.click("main form button[type=submit]");
            b.awaitPath("/organizations/" + orgId + "/tickets");
            // A page that is not live (a live list signs itself out: ConsoleLiveIT).
            String ownPage = "/organizations/" + orgId + "/tickets/" + admin.id();
            b.open(ownPage);
            superuser(p.ticketUrl()).delete("/api/admin/v1/organizations/" + orgId + "/tickets/" + admin.id())
                    .then().statusCode(204);
            Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
                b.open(ownPage);
                return b.path().equals("/sign-in");
            });
            assertThat(b.text()).contains("no longer accepted");
        }
        Clients.assertNoCredentialInLogs();
    }

    @Test
    void aUserSignedInThroughTheIdentityProviderManagesTheirOwnTokens() throws Exception {
        Platform p = platform();
        TestOidcProvider provider = RunningPlatform.identityProvider();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String orgId = Clients.newOrganization("Console users " + suffix);
        AppTicket admin = Clients.newApplication(orgId, "USERS", "TICKETS");
        String carol = Clients.newUser(admin, orgId, "Carol", "Console", "carol." + suffix + "@example.com");
        provider.addAccount("carol-" + suffix, userClaims(orgId, carol));
        // An organization whose User API is not activated: its users' pages say so.
        String closedOrg = Clients.newOrganization("Console closed " + suffix, true, false);
        AppTicket closedAdmin = Clients.newApplication(closedOrg, "USERS", "TICKETS");
        String dave = Clients.newUser(closedAdmin, closedOrg, "Dave", "Closed", "dave." + suffix + "@example.com");
        provider.addAccount("dave-" + suffix, userClaims(closedOrg, dave));

        try (Browser b = new Browser(p.consoleUrl())) {
            signInThroughProvider(b, "carol-" + suffix);
            assertThat(b.awaitPath("/my/tickets")).isEqualTo("/my/tickets");
            assertThat(b.cookieNames()).as("Quarkus OIDC's own session is dropped at the hand-over")
                    .noneMatch(name -> name.startsWith("q_session"));
            assertThat(b.find("#token-end").getText()).contains("ends at the latest when your current sign-in does");
            assertThat(b.all("#api-USERS")).as("only the APIs of the sign-in are offered").isEmpty();

            // A token with one API: shown once, not after a reload.
            b.type("#name", "phone app");
            b.click("#api-CONTACTS");
            b.click("form[action='/my/tickets'][method=post] button[type=submit]");
            b.awaitText("only time");
            String token = b.find("#issued-token").getAttribute("value");
            assertThat(token).startsWith("oc_");
            Clients.ISSUED.add(token);
            assertThat(b.text()).contains("only time").contains("phone app").contains("ACTIVE");
            accessible(b, "my-tickets");
            b.reload();
            assertThat(b.all("#issued-token")).isEmpty();
            assertThat(b.source()).doesNotContain(token);

            // It works through the API; revoked in the console after confirmation, it is refused within a second.
            Awaitility.await().atMost(WITHIN).until(() -> Clients.user(p.resourceUrl(), token)
                    .get("/api/user/v1/contacts").statusCode() == 200);
            b.click("a[href$='/revoke']");
            b.awaitPath("/my/tickets/[^/]+/revoke");
            b.click("main form button[type=submit]");
            b.awaitPath("/my/tickets");
            b.awaitText("Token revoked");
            Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Clients.user(p.resourceUrl(), token).get("/api/user/v1/contacts").statusCode() == 401);
            assertThat(b.text()).contains("REVOKED");

            // No admin page for a user: the API's refusal, readable.
            b.open("/organizations");
            assertThat(b.text()).contains("refused this (403)");
            b.open("/organizations/" + orgId + "/tickets");
            assertThat(b.text()).contains("refused this (403)");

            // Signing out ends the session: a copy of the old cookie opens no page any more.
            String oldCookie = b.cookie("onecloud_console");
            b.open("/my/tickets");
            b.click("form[action='/sign-out'] button");
            b.awaitPath("/sign-in");
            HttpResponse<String> replayed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(p.consoleUrl() + "/my/tickets")).header("Cookie", "onecloud_console=" + oldCookie)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(replayed.statusCode()).isEqualTo(303);
            assertThat(replayed.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/sign-in"));

            // A user whose organization's User API is off gets the API's reason, not a broken page.
            signInThroughProvider(b, "dave-" + suffix);
            b.awaitPath("/my/tickets");
            assertThat(b.text()).contains("refused this (403)").doesNotContain("Exception");
        }
        Clients.ISSUED.addAll(provider.issuedTokens());
        Clients.assertNoCredentialInLogs();
    }

    /** The claims auth-service maps to a USER principal of the organization, granted CONTACTS. */
    private static Map<String, Object> userClaims(String orgId, String userId) {
        return Map.of("onecloud_kind", "USER", "onecloud_org", orgId, "onecloud_user", userId,
                "onecloud_apis", List.of("CONTACTS"));
    }

    /** From the console's sign-in page through the provider's page, where the account is typed, and back. */
    private static void signInThroughProvider(Browser b, String login) {
        b.open("/sign-in");
        assertThat(b.find("#sign-in-provider").getText()).isEqualTo("Sign in with " + RunningPlatform.PROVIDER_NAME);
        b.click("#sign-in-provider");
        b.awaitText("Test identity provider");
        b.type("#login", login);
        b.click("form button[type=submit]");
    }

    /** The token and secret the page shows once, read from it, and kept for the log checks. */
    private static AppTicket issued(Browser b, String ticketId) {
        String token = b.find("#issued-token").getAttribute("value");
        String secret = b.find("#issued-secret").getAttribute("value");
        assertThat(token).startsWith("oc_");
        assertThat(secret).isNotBlank();
        Clients.ISSUED.add(token);
        Clients.ISSUED.add(secret);
        return new AppTicket(ticketId, token, secret);
    }

    private static void accessible(Browser b, String page) {
        b.screenshot(page);
        assertThat(b.seriousAccessibilityViolations()).as("serious or critical axe-core violations on " + page)
                .isEmpty();
    }
}
