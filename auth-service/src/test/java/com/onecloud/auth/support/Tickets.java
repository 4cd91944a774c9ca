package com.onecloud.auth.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

import com.onecloud.access.Api;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.CredentialHash;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.testsupport.EmbeddedPostgresResource;

/**
 * Ticket fixtures, written over JDBC as the superuser into ticket-service's tables, exactly as ticket-service stores
 * them: hashes only. Every token and secret handed out is remembered, so that a test can prove none reached the log.
 */
public final class Tickets {

    private static final List<String> ISSUED_MATERIAL = new CopyOnWriteArrayList<>();

    private Tickets() {
    }

    /** A ticket and its (first) credential, with the material only a client holds. */
    public record Issued(String ticketId, String credentialId, String token, String secret, PrincipalKind kind,
            String organizationId, String userId, Set<Api> apis, Instant expiresAt) {

        public String bearer() {
            return "Bearer " + token;
        }

        public String basic() {
            return basic(token, secret);
        }

        public static String basic(String token, String secret) {
            return "Basic " + Base64.getEncoder().encodeToString((token + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static Issued issue(PrincipalKind kind, Set<Api> apis) {
        return issue(kind, apis, Instant.now().plus(365, ChronoUnit.DAYS));
    }

    public static Issued issue(PrincipalKind kind, Set<Api> apis, Instant requestedExpiry) {
        // PostgreSQL keeps microseconds; milliseconds compare exactly after the round trip.
        Instant expiresAt = requestedExpiry.truncatedTo(ChronoUnit.MILLIS);
        String ticketId = TokenFormat.newId();
        String organizationId = kind == PrincipalKind.SUPERUSER ? null : "org-" + TokenFormat.newId();
        String userId = kind == PrincipalKind.USER ? "user-" + TokenFormat.newId() : null;
        Instant created = Instant.now().minus(Duration.ofMinutes(1));
        if (organizationId != null) {
            activate(organizationId, true, true, 0);
        }
        update("INSERT INTO ticket (id, organization_id, user_id, kind, name, apis, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ticketId, organizationId, userId, kind.name(), "test " + kind,
                apis.stream().map(Api::name).sorted().collect(Collectors.joining(",")), Timestamp.from(created),
                Timestamp.from(expiresAt));
        return addCredential(new Issued(ticketId, null, null, null, kind, organizationId, userId, Set.copyOf(apis),
                expiresAt), null);
    }

    /** Another credential of the same ticket, as a rotation makes; {@code notAfter} ends the old one's grace. */
    public static Issued addCredential(Issued ticket, Instant notAfter) {
        String credentialId = TokenFormat.newId();
        String token = TokenFormat.newToken(credentialId);
        String secret = ticket.kind() == PrincipalKind.USER ? null : TokenFormat.newSecret();
        remember(token, secret);
        update("INSERT INTO credential (id, ticket_id, token_hash, secret_hash, created_at, not_after)"
                + " VALUES (?, ?, ?, ?, ?, ?)", credentialId, ticket.ticketId(), CredentialHash.sha256(token),
                secret == null ? null : CredentialHash.sha256(secret), Timestamp.from(Instant.now()),
                notAfter == null ? null : Timestamp.from(notAfter));
        return new Issued(ticket.ticketId(), credentialId, token, secret, ticket.kind(), ticket.organizationId(),
                ticket.userId(), ticket.apis(), ticket.expiresAt());
    }

    /**
     * Sets the organization's activation in the view, as ticket-service stores resource-service's announcement (every
     * organization of {@link #issue} starts with both APIs on). In the database only: no event.
     */
    public static void activate(String organizationId, boolean adminApi, boolean userApi, long version) {
        update("INSERT INTO activation (organization_id, admin_api_enabled, user_api_enabled, version, changed_at)"
                + " VALUES (?, ?, ?, ?, now()) ON CONFLICT (organization_id, user_id) DO UPDATE SET"
                + " admin_api_enabled = EXCLUDED.admin_api_enabled, user_api_enabled = EXCLUDED.user_api_enabled,"
                + " version = EXCLUDED.version", organizationId, adminApi, userApi, version);
    }

    /** Removes the organization's activation, as for one that resource-service never announced. */
    public static void forgetActivation(String organizationId) {
        update("DELETE FROM activation WHERE organization_id = ?", organizationId);
    }

    /** {@link #activate} for a user's own User API flag. */
    public static void activateUser(String organizationId, String userId, boolean userApi, long version) {
        update("INSERT INTO activation (organization_id, user_id, user_api_enabled, version, changed_at)"
                + " VALUES (?, ?, ?, ?, now()) ON CONFLICT (organization_id, user_id) DO UPDATE SET"
                + " user_api_enabled = EXCLUDED.user_api_enabled, version = EXCLUDED.version",
                organizationId, userId, userApi, version);
    }

    /** Revokes in the database only, as ticket-service's transaction does before its event is published. */
    public static void revokeInDatabase(String ticketId) {
        update("UPDATE ticket SET revoked_at = now(), revoke_reason = 'REVOKED' WHERE id = ?", ticketId);
    }

    /** Ends a credential's grace in the database only. */
    public static void endCredential(String credentialId) {
        update("UPDATE credential SET not_after = now() WHERE id = ?", credentialId);
    }

    /** Every token, secret and Basic value handed out by this JVM's fixtures. */
    public static List<String> issuedMaterial() {
        return List.copyOf(ISSUED_MATERIAL);
    }

    public static void remember(String token, String secret) {
        ISSUED_MATERIAL.add(token);
        if (secret != null) {
            ISSUED_MATERIAL.add(secret);
            ISSUED_MATERIAL.add(Issued.basic(token, secret).substring("Basic ".length()));
        }
    }

    public static Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), EmbeddedPostgresResource.USER, EmbeddedPostgresResource.PASSWORD);
    }

    public static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue(TicketDatabaseResource.JDBC_URL_PROPERTY, String.class);
    }

    private static void update(String sql, Object... params) {
        try (Connection c = superuser(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("fixture statement failed: " + sql, e);
        }
    }
}
