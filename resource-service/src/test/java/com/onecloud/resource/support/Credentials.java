package com.onecloud.resource.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.onecloud.access.Api;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.testsupport.AuthServiceDouble;

import io.restassured.specification.RequestSpecification;

/**
 * Fresh credentials registered in the auth-service double, one per scenario (the client caches ALLOW decisions), and
 * a record of every token and secret handed out, so that tests can prove none of them reached the captured log.
 */
public final class Credentials {

    private static final ConcurrentLinkedQueue<String> ISSUED = new ConcurrentLinkedQueue<>();

    /** A credential and how to present it. */
    public record Credential(String token, String secret) {
        public RequestSpecification spec() {
            RequestSpecification spec = given();
            return secret == null ? spec.auth().oauth2(token) : spec.auth().preemptive().basic(token, secret);
        }
    }

    private Credentials() {
    }

    public static Credential superuser() {
        return withSecret(PrincipalKind.SUPERUSER, null, null, Set.of(Api.USERS, Api.TICKETS));
    }

    public static Credential application(String orgId, Api... apis) {
        return withSecret(PrincipalKind.APPLICATION, orgId, null, Set.of(apis));
    }

    public static Credential user(String orgId, String userId, Api... apis) {
        String token = TokenFormat.newToken(TokenFormat.newId());
        register(token, null, PrincipalKind.USER, orgId, userId, Set.of(apis));
        return new Credential(token, null);
    }

    private static Credential withSecret(PrincipalKind kind, String orgId, String userId, Set<Api> apis) {
        String token = TokenFormat.newToken(TokenFormat.newId());
        String secret = TokenFormat.newSecret();
        register(token, secret, kind, orgId, userId, apis);
        return new Credential(token, secret);
    }

    private static void register(String token, String secret, PrincipalKind kind, String orgId, String userId,
            Set<Api> apis) {
        String ticketId = TokenFormat.credentialId(token).orElseThrow();
        AuthServiceDouble.register(token, secret, new Principal(kind, "subject-" + ticketId, ticketId, orgId, userId,
                apis, Instant.now().plusSeconds(3600)));
        ISSUED.add(token);
        if (secret != null) {
            ISSUED.add(secret);
        }
    }

    /** Every token and secret handed out so far in this JVM. */
    public static List<String> issued() {
        return List.copyOf(ISSUED);
    }

    /** The captured log (all its rotated files) contains none of the credentials handed out. */
    public static void assertNoneLogged() {
        List<String> issued = issued();
        assertThat(issued).isNotEmpty();
        List<Path> logs = CapturedLog.files();
        assertThat(logs).isNotEmpty();
        for (Path log : logs) {
            String text = CapturedLog.text(log);
            for (String credential : issued) {
                assertThat(text).as("log %s", log).doesNotContain(credential);
            }
        }
    }
}
