package com.onecloud.system;

import static com.onecloud.system.Clients.platform;
import static com.onecloud.system.Clients.superuser;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.onecloud.platform.Platform;
import com.onecloud.system.Clients.AppTicket;

/**
 * The console's lists follow changes made elsewhere within a second (issue 25, "Live"), through the console's relay of
 * the platform's subscriptions: an administrator's ticket list shows a ticket created and then revoked through the
 * API, the user list a user created through the API, and when the administrator's own ticket is revoked the open page
 * signs itself out without a click.
 */
@Order(7)
class ConsoleLiveIT {

    private static final Duration LIVE = Duration.ofSeconds(1);

    @Test
    void openListsFollowChangesMadeElsewhereWithinASecond() {
        Platform p = platform();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String orgId = Clients.newOrganization("Console live " + suffix);
        AppTicket admin = Clients.newApplication(orgId, "USERS", "TICKETS");
        String tickets = "/api/admin/v1/organizations/" + orgId + "/tickets";

        try (Browser b = new Browser(p.consoleUrl())) {
            b.open("/sign-in");
            b.type("#token", admin.token());
            b.type("#secret", admin.secret());
            b.type("#organizationId", orgId);
            b.click("main form button[type=submit]");
            b.awaitPath("/organizations/" + orgId + "/tickets");
            b.awaitText("This list updates live.");

            String name = "elsewhere-" + suffix;
            String id = superuser(p.ticketUrl()).contentType("application/json")
                    .body(Map.of("name", name, "kind", "APPLICATION", "apis", List.of("USERS")))
                    .post(tickets).then().statusCode(201).extract().jsonPath().getString("id");
            long created = within(() -> row(b, name).contains("ACTIVE"));

            superuser(p.ticketUrl()).delete(tickets + "/" + id).then().statusCode(204);
            long revoked = within(() -> row(b, name).contains("REVOKED"));

            b.open("/organizations/" + orgId + "/users");
            b.awaitText("This list updates live.");
            String email = "live." + suffix + "@example.com";
            Clients.newUser(admin, orgId, "Live", "Elsewhere", email);
            long user = within(() -> b.textOf("#list").contains(email));
            System.out.printf("Console lists updated %d ms after a ticket's creation, %d ms after its revocation,"
                    + " %d ms after a user's creation%n", created, revoked, user);

            // The page's own credential revoked: the relay's "unauthorized" reloads it, which signs out.
            superuser(p.ticketUrl()).delete(tickets + "/" + admin.id()).then().statusCode(204);
            b.awaitPath("/sign-in");
            assertThat(b.text()).contains("no longer accepted");
        }
    }

    /** The text of the ticket list's row that names {@code name}, or "" while it has none. */
    private static String row(Browser b, String name) {
        return b.textOf("#ticket-list").lines().filter(line -> line.contains(name)).findFirst().orElse("");
    }

    /** Waits at most {@link #LIVE} for the page to show a change; returns how long it took, in milliseconds. */
    private static long within(BooleanSupplier shown) {
        long start = System.nanoTime();
        Awaitility.await().atMost(LIVE).pollInterval(Duration.ofMillis(20)).pollDelay(Duration.ZERO)
                .until(shown::getAsBoolean);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
