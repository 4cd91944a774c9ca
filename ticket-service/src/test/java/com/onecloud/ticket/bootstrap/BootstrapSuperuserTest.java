package com.onecloud.ticket.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.onecloud.access.Api;
import com.onecloud.access.credential.CredentialHash;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.TicketDatabase;
import com.onecloud.ticket.support.Callers;
import com.onecloud.ticket.support.Callers.Caller;
import com.onecloud.ticket.support.Db;
import com.onecloud.ticket.support.IssuedCredentials;
import com.onecloud.ticket.support.TopicReader;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The bootstrap SUPERUSER ticket from configuration, and the SUPERUSER ticket routes. The configuration changes last,
 * since the first configuration's credential is revoked then.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootstrapSuperuserTest {

    @Inject
    BootstrapSuperuser bootstrap;

    @ConfigProperty(name = "onecloud.bootstrap.token")
    String token;

    @ConfigProperty(name = "onecloud.bootstrap.secret")
    String secret;

    @Test
    @Order(1)
    void theBootstrapTicketExistsOnceWithOnlyHashes() {
        IssuedCredentials.remember(token, secret);
        String credentialId = TokenFormat.credentialId(token).orElseThrow();
        List<Map<String, Object>> rows = Db.rows("SELECT t.*, c.token_hash, c.secret_hash FROM credential c "
                + "JOIN ticket t ON t.id = c.ticket_id WHERE c.id = ?", credentialId);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("kind")).isEqualTo("SUPERUSER");
        assertThat(row.get("name")).isEqualTo("bootstrap");
        assertThat(row.get("organization_id")).isNull();
        assertThat(row.get("apis").toString().split(",")).containsExactlyInAnyOrder("TICKETS", "USERS");
        assertThat(row.get("revoked_at")).isNull();
        assertThat(CredentialHash.matches(token, (byte[]) row.get("token_hash"))).isTrue();
        assertThat(CredentialHash.matches(secret, (byte[]) row.get("secret_hash"))).isTrue();
        assertThat(Db.dump(rows)).doesNotContain(token).doesNotContain(secret);

        // What a restart runs again creates nothing more.
        assertThat(bootstrap.ensure()).isFalse();
        assertThat(bootstrap.ensure()).isFalse();
        assertThat(Db.count("SELECT count(*) FROM ticket WHERE kind = 'SUPERUSER' AND name = 'bootstrap'"))
                .isEqualTo(1);
        // And the auth-service's view sees it, so the credential can authenticate.
        assertThat(Db.count("SELECT count(*) FROM auth_v1.credential WHERE credential_id = ? AND NOT revoked "
                + "AND kind = 'SUPERUSER'", credentialId)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void superuserTicketsAreManagedBySuperusersOnly() {
        Caller root = Callers.superuser(Api.TICKETS);
        JsonPath created = root.json().contentType("application/json")
                .body(Map.of("name", "ops", "apis", List.of("TICKETS", "USERS"))).post("/api/admin/v1/tickets")
                .then().statusCode(201).body("kind", equalTo("SUPERUSER")).body("$", not(hasKey("organizationId")))
                .extract().jsonPath();
        IssuedCredentials.remember(created.getString("token"), created.getString("secret"));
        assertThat(TokenFormat.isWellFormedSecret(created.getString("secret"))).isTrue();
        String id = created.getString("id");

        root.json().get("/api/admin/v1/tickets").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.kind", not(hasItem("APPLICATION")));
        root.json().get("/api/admin/v1/tickets/" + id).then().statusCode(200)
                .body("apis", containsInAnyOrder("TICKETS", "USERS")).body("$", not(hasKey("secret")));
        root.json().contentType("application/json").body(Map.of("name", "x", "kind", "APPLICATION",
                "apis", List.of("USERS"))).post("/api/admin/v1/tickets").then().statusCode(400)
                .body("validationResult.field", hasItem("kind"));

        // An organization's application, even with TICKETS, is not a SUPERUSER: 403.
        Caller app = Callers.application(Callers.newOrganization(), Api.TICKETS);
        app.json().get("/api/admin/v1/tickets").then().statusCode(403);
        app.json().get("/api/admin/v1/tickets/" + id).then().statusCode(403);

        // An organization's ticket is not found among SUPERUSER tickets.
        String org = Callers.newOrganization();
        JsonPath orgCreated = root.json().contentType("application/json")
                .body(Map.of("name", "o", "kind", "APPLICATION", "apis", List.of("USERS")))
                .post("/api/admin/v1/organizations/" + org + "/tickets").then().statusCode(201).extract().jsonPath();
        IssuedCredentials.remember(orgCreated.getString("token"), orgCreated.getString("secret"));
        String orgTicket = orgCreated.getString("id");
        root.json().get("/api/admin/v1/tickets/" + orgTicket).then().statusCode(404);
        root.json().delete("/api/admin/v1/tickets/" + orgTicket).then().statusCode(404);

        root.json().delete("/api/admin/v1/tickets/" + id).then().statusCode(204);
        root.json().delete("/api/admin/v1/tickets/" + id).then().statusCode(204);
        root.json().get("/api/admin/v1/tickets/" + id).then().statusCode(200).body("status", equalTo("REVOKED"));
    }

    /** A start with another token and secret (a changed Kubernetes Secret) retires the previous credential. */
    @Test
    @Order(3)
    void aChangedConfigurationRevokesThePreviousBootstrapCredential() {
        String previous = ticketOf(TokenFormat.credentialId(token).orElseThrow());
        String newToken = TokenFormat.newToken(TokenFormat.newId());
        String newSecret = TokenFormat.newSecret();
        IssuedCredentials.remember(newToken, newSecret);
        String newCredential = TokenFormat.credentialId(newToken).orElseThrow();

        try (TopicReader topic = new TopicReader("ticket-events")) {
            assertThat(bootstrap.ensure(Optional.of(newToken), Optional.of(newSecret))).isTrue();
            assertThat(Db.rows("SELECT revoke_reason FROM ticket WHERE id = ? AND revoked_at IS NOT NULL", previous))
                    .containsExactly(Map.of("revoke_reason", "BOOTSTRAP_REPLACED"));
            assertThat(topic.await(e -> e.type().equals("onecloud.ticket.revoked.v1") && previous.equals(e.key()), 1,
                    Duration.ofSeconds(20))).singleElement()
                    .satisfies(e -> assertThat(e.data().path("reason").asText()).isEqualTo("BOOTSTRAP_REPLACED"));
        }
        assertThat(Db.rows("SELECT credential_id, revoked FROM auth_v1.credential WHERE kind = 'SUPERUSER' "
                + "AND credential_id IN (?, ?)", TokenFormat.credentialId(token).orElseThrow(), newCredential))
                .containsExactlyInAnyOrder(Map.of("credential_id", TokenFormat.credentialId(token).orElseThrow(),
                        "revoked", true), Map.of("credential_id", newCredential, "revoked", false));
        String current = ticketOf(newCredential);
        // The platform did both by itself: the audit trail names no request's principal and no address.
        assertThat(Db.rows("SELECT action, actor_kind, actor_id, organization_id, source_address, reason "
                + "FROM audit_entry WHERE (target_id = ? AND action = 'ticket.revoked') "
                + "OR (target_id = ? AND action = 'ticket.created') ORDER BY action", previous, current))
                .containsExactly(
                        row("ticket.created", null), row("ticket.revoked", "BOOTSTRAP_REPLACED"));
        assertThat(Db.rows("SELECT name, apis FROM ticket WHERE id = ? AND bootstrap", current))
                .containsExactly(Map.of("name", "bootstrap", "apis", "USERS,TICKETS"));

        // Restarts with the new configuration change nothing.
        assertThat(bootstrap.ensure(Optional.of(newToken), Optional.of(newSecret))).isFalse();
        assertThat(Db.rows("SELECT id FROM ticket WHERE bootstrap AND revoked_at IS NULL"))
                .containsExactly(Map.of("id", current));

        // Only the secret changed: the token still names the current credential, which no secret can change. The
        // current one is revoked all the same, and the start fails, saying what to do.
        String changedSecret = TokenFormat.newSecret();
        IssuedCredentials.remember(null, changedSecret);
        assertThatThrownBy(() -> bootstrap.ensure(Optional.of(newToken), Optional.of(changedSecret)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a new token too")
                .hasMessageNotContaining(changedSecret).hasMessageNotContaining(newToken);
        assertThat(Db.count("SELECT count(*) FROM ticket WHERE bootstrap AND revoked_at IS NULL")).isZero();

        // The first configuration again: a revoked credential stays revoked.
        assertThat(bootstrap.ensure(Optional.of(token), Optional.of(secret))).isFalse();
        assertThat(Db.count("SELECT count(*) FROM auth_v1.credential WHERE kind = 'SUPERUSER' AND NOT revoked "
                + "AND credential_id IN (?, ?)", TokenFormat.credentialId(token).orElseThrow(), newCredential))
                .isZero();
    }

    private static String ticketOf(String credentialId) {
        return (String) Db.rows("SELECT ticket_id FROM credential WHERE id = ?", credentialId).get(0).get("ticket_id");
    }

    private static Map<String, Object> row(String action, String reason) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("action", action);
        row.put("actor_kind", "SYSTEM");
        row.put("actor_id", "ticket-service");
        row.put("organization_id", null);
        row.put("source_address", null);
        row.put("reason", reason);
        return row;
    }
}
