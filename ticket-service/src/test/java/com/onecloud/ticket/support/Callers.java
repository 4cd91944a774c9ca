package com.onecloud.ticket.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;

import com.onecloud.access.Api;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.testsupport.AuthServiceDouble;

import io.restassured.specification.RequestSpecification;

/** Credentials registered with the auth-service double, each a fresh token, and requests presenting them. */
public final class Callers {

    private Callers() {
    }

    /** An APPLICATION of {@code organizationId} granted {@code apis} (Basic token:secret). */
    public static Caller application(String organizationId, Api... apis) {
        return register(PrincipalKind.APPLICATION, organizationId, null, apis);
    }

    /** An APPLICATION whose credential ends at {@code expiresAt}. */
    public static Caller application(String organizationId, Instant expiresAt, Api... apis) {
        return register(PrincipalKind.APPLICATION, organizationId, null, expiresAt, apis);
    }

    public static Caller superuser(Api... apis) {
        return register(PrincipalKind.SUPERUSER, null, null, apis);
    }

    /** A USER (Bearer token). */
    public static Caller user(String organizationId, String userId, Api... apis) {
        return register(PrincipalKind.USER, organizationId, userId, apis);
    }

    /** A USER whose credential ends at {@code expiresAt}, as a short-lived OpenID Connect JWT would. */
    public static Caller user(String organizationId, String userId, Instant expiresAt, Api... apis) {
        return register(PrincipalKind.USER, organizationId, userId, expiresAt, apis);
    }

    public static String newOrganization() {
        return "org-" + TokenFormat.newId();
    }

    private static Caller register(PrincipalKind kind, String organizationId, String userId, Api... apis) {
        return register(kind, organizationId, userId, Instant.now().plus(1, ChronoUnit.DAYS), apis);
    }

    private static Caller register(PrincipalKind kind, String organizationId, String userId, Instant expiresAt,
            Api... apis) {
        String token = TokenFormat.newToken(TokenFormat.newId());
        String secret = kind == PrincipalKind.USER ? null : TokenFormat.newSecret();
        String ticketId = TokenFormat.newId();
        AuthServiceDouble.register(token, secret, new Principal(kind, "test-" + kind, ticketId,
                organizationId, userId, Set.of(apis), expiresAt));
        IssuedCredentials.remember(token, secret);
        return new Caller(token, secret, ticketId);
    }

    /** A registered credential; {@code ticketId} is the ticket id its principal carries (an audit entry's actor). */
    public record Caller(String token, String secret, String ticketId) {

        public String authorization() {
            return secret == null ? "Bearer " + token
                    : "Basic " + Base64.getEncoder()
                            .encodeToString((token + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        /** A request presenting this credential, accepting JSON. */
        public RequestSpecification json() {
            return given().header("Authorization", authorization()).accept("application/json");
        }

        public RequestSpecification xml() {
            return given().header("Authorization", authorization()).accept("application/xml");
        }

        @Override
        public String toString() {
            return "Caller[redacted]";
        }
    }
}
