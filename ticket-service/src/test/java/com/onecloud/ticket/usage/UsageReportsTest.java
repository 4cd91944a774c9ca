package com.onecloud.ticket.usage;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.TicketDatabase;
import com.onecloud.ticket.support.Callers;
import com.onecloud.ticket.support.Callers.Caller;
import com.onecloud.ticket.support.EventPublisher;
import com.onecloud.ticket.support.IssuedCredentials;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Contract §4 usage: the services' usage reports (usage-events) are added up once each into a ticket's days and its
 * {@code lastUsedAt}, which the ticket's administrators read, and no one else.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
class UsageReportsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private String org;
    private Caller admin;
    private String base;
    private String ticketId;

    @BeforeEach
    void ticket() {
        org = Callers.newOrganization();
        admin = Callers.application(org, Api.TICKETS);
        base = "/api/admin/v1/organizations/" + org + "/tickets";
        JsonPath created = admin.json().contentType("application/json")
                .body(Map.of("name", "used", "kind", "APPLICATION", "apis", List.of("USERS")))
                .post(base).then().statusCode(201).extract().jsonPath();
        IssuedCredentials.remember(created.getString("token"), created.getString("secret"));
        ticketId = created.getString("id");
    }

    private static String report(String id, String tickets) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/onecloud/auth-service-1\","
                + "\"type\":\"onecloud.usage.reported.v1\",\"subject\":\"auth-service-1\",\"time\":\"" + Instant.now()
                + "\",\"datacontenttype\":\"application/json\",\"data\":{\"reporter\":\"auth-service-1\",\"from\":\""
                + Instant.now().minusSeconds(10) + "\",\"to\":\"" + Instant.now() + "\",\"tickets\":[" + tickets
                + "]}}";
    }

    private static String usage(String ticketId, LocalDate date, long allowed, long forbidden, long invalid,
            Instant lastUsedAt) {
        return "{\"ticketId\":\"" + ticketId + "\",\"date\":\"" + date + "\",\"allowed\":" + allowed
                + ",\"forbidden\":" + forbidden + ",\"invalid\":" + invalid + ",\"lastUsedAt\":"
                + (lastUsedAt == null ? "null" : "\"" + lastUsedAt + "\"") + "}";
    }

    @Test
    void reportsAddUpOncePerDayAndTheLastUseIsTheNewest() {
        Instant earlier = Instant.parse("2026-12-05T10:00:00Z");
        Instant later = Instant.parse("2026-12-05T11:00:00Z");
        admin.json().get(base + "/" + ticketId).then().statusCode(200).body("lastUsedAt", nullValue());

        String first = report(UUID.randomUUID().toString(), usage(ticketId, TODAY, 5, 1, 2, later) + ","
                + usage(ticketId, TODAY.minusDays(1), 3, 0, 0, earlier) + ","
                + usage("unknown-ticket", TODAY, 9, 9, 9, later));
        EventPublisher.publish("usage-events", "auth-service-1", first);
        EventPublisher.publish("usage-events", "auth-service-1", first); // redelivered: added once
        EventPublisher.publish("usage-events", "resource-service-1", report(UUID.randomUUID().toString(),
                usage(ticketId, TODAY, 4, 0, 0, earlier)));

        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> admin.json()
                .get(base + "/" + ticketId + "/usage").then().statusCode(200)
                .body("ticketId", equalTo(ticketId))
                .body("days", hasSize(2))
                .body("days[1].date", equalTo(TODAY.toString()))
                .body("days[1].allowed", equalTo(9)).body("days[1].forbidden", equalTo(1))
                .body("days[1].invalid", equalTo(2))
                .body("days[0].date", equalTo(TODAY.minusDays(1).toString())).body("days[0].allowed", equalTo(3)));
        admin.json().get(base + "/" + ticketId).then().statusCode(200).body("lastUsedAt", equalTo(later.toString()));
        admin.json().get(base + "/" + ticketId + "/usage?from=" + TODAY + "&to=" + TODAY).then().statusCode(200)
                .body("days", hasSize(1));
        admin.xml().get(base + "/" + ticketId + "/usage").then().statusCode(200)
                .body("usage.days.day[1].allowed", equalTo("9"));
    }

    @Test
    void anotherOrganizationsTicketIs404AndABadPeriodIs400NamingTheParameter() {
        Caller stranger = Callers.application(Callers.newOrganization(), Api.TICKETS);
        stranger.json().get(base + "/" + ticketId + "/usage").then().statusCode(404);
        admin.json().get(base + "/" + ticketId + "/usage?from=yesterday").then().statusCode(400)
                .body("validationResult[0].field", equalTo("from"));
        admin.json().get(base + "/" + ticketId + "/usage?from=" + TODAY + "&to=" + TODAY.minusDays(1))
                .then().statusCode(400).body("validationResult[0].field", equalTo("from"));
        admin.json().get(base + "/" + ticketId + "/usage?from=" + TODAY.minusDays(400) + "&to=" + TODAY)
                .then().statusCode(400);
    }
}
