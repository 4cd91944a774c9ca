package com.onecloud.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Decision;
import com.onecloud.access.Decision.Outcome;
import com.onecloud.access.DecisionRequest;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.Json;

/**
 * The cases of auth-service's decision API (contract §2 and §3), run against the real auth-service and against
 * {@link AuthServiceDouble} alike: a double that passes them may stand in for auth-service in another service's tests.
 */
public final class DecisionContract {

    /** How a case presents its credential. */
    public enum Presentation {
        NONE, BEARER, QUERY, BASIC, BASIC_WRONG_SECRET, BEARER_TRUNCATED, BEARER_BAD_CHECKSUM, BEARER_UNKNOWN,
        HEADER_AND_QUERY, SCHEME_ONLY, TOKEN_AS_BASIC, TOKEN_AS_BEARER
    }

    public record Case(String name, PrincipalKind kind, Set<Api> apis, CredentialState state,
            Presentation presentation, Audience audience, Api api, Outcome expected, String expectedError) {
    }

    private static final Set<Api> ALL = Set.of(Api.CONTACTS, Api.USERS, Api.TICKETS);

    private static Case allow(String name, PrincipalKind kind, Presentation p, Audience audience, Api api) {
        return new Case(name, kind, ALL, CredentialState.ACTIVE, p, audience, api, Outcome.ALLOW, null);
    }

    private static Case invalidToken(String name, PrincipalKind kind, CredentialState state, Presentation p) {
        Audience audience = kind == PrincipalKind.USER ? Audience.USER_API : Audience.ADMIN_API;
        Api api = kind == PrincipalKind.USER ? Api.CONTACTS : Api.USERS;
        return new Case(name, kind, ALL, state, p, audience, api, Outcome.UNAUTHENTICATED, "invalid_token");
    }

    private static Case forbidden(String name, PrincipalKind kind, Set<Api> apis, Presentation p, Audience audience,
            Api api) {
        return new Case(name, kind, apis, CredentialState.ACTIVE, p, audience, api, Outcome.FORBIDDEN,
                "insufficient_scope");
    }

    public static List<Case> cases() {
        PrincipalKind user = PrincipalKind.USER;
        PrincipalKind app = PrincipalKind.APPLICATION;
        PrincipalKind su = PrincipalKind.SUPERUSER;
        return List.of(
                allow("user bearer on the user API", user, Presentation.BEARER, Audience.USER_API, Api.CONTACTS),
                allow("user ?t= on the user API", user, Presentation.QUERY, Audience.USER_API, Api.CONTACTS),
                allow("application basic on the admin API", app, Presentation.BASIC, Audience.ADMIN_API, Api.USERS),
                allow("superuser basic on the admin API", su, Presentation.BASIC, Audience.ADMIN_API, Api.USERS),
                allow("superuser basic on the platform", su, Presentation.BASIC, Audience.PLATFORM, null),
                new Case("no credential", user, ALL, CredentialState.ACTIVE, Presentation.NONE, Audience.USER_API,
                        Api.CONTACTS, Outcome.UNAUTHENTICATED, null),
                new Case("header and query", user, ALL, CredentialState.ACTIVE, Presentation.HEADER_AND_QUERY,
                        Audience.USER_API, Api.CONTACTS, Outcome.INVALID_REQUEST, "invalid_request"),
                new Case("scheme without credential", user, ALL, CredentialState.ACTIVE, Presentation.SCHEME_ONLY,
                        Audience.USER_API, Api.CONTACTS, Outcome.INVALID_REQUEST, "invalid_request"),
                invalidToken("wrong secret", app, CredentialState.ACTIVE, Presentation.BASIC_WRONG_SECRET),
                invalidToken("truncated token", user, CredentialState.ACTIVE, Presentation.BEARER_TRUNCATED),
                invalidToken("bad checksum", user, CredentialState.ACTIVE, Presentation.BEARER_BAD_CHECKSUM),
                invalidToken("unknown token", user, CredentialState.ACTIVE, Presentation.BEARER_UNKNOWN),
                invalidToken("revoked user token", user, CredentialState.REVOKED, Presentation.BEARER),
                invalidToken("expired user token", user, CredentialState.EXPIRED, Presentation.BEARER),
                invalidToken("revoked application ticket", app, CredentialState.REVOKED, Presentation.BASIC),
                invalidToken("expired superuser ticket", su, CredentialState.EXPIRED, Presentation.BASIC),
                invalidToken("user token sent as basic", user, CredentialState.ACTIVE, Presentation.TOKEN_AS_BASIC),
                invalidToken("application token sent as bearer", app, CredentialState.ACTIVE,
                        Presentation.TOKEN_AS_BEARER),
                forbidden("superuser on the user API", su, ALL, Presentation.BASIC, Audience.USER_API, Api.CONTACTS),
                forbidden("application on the user API", app, ALL, Presentation.BASIC, Audience.USER_API,
                        Api.CONTACTS),
                forbidden("user on the admin API", user, ALL, Presentation.BEARER, Audience.ADMIN_API, Api.USERS),
                forbidden("application without the API", app, Set.of(Api.TICKETS), Presentation.BASIC,
                        Audience.ADMIN_API, Api.USERS),
                forbidden("user without the API", user, Set.of(Api.USERS), Presentation.BEARER, Audience.USER_API,
                        Api.CONTACTS),
                forbidden("application on the platform", app, ALL, Presentation.BASIC, Audience.PLATFORM, null));
    }

    /** One dynamic test per case against the decision API at {@code baseUrl}. */
    public static Stream<DynamicTest> tests(String baseUrl, CredentialIssuer issuer) {
        HttpClient http = HttpClient.newHttpClient();
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            IssuedCredential credential = issuer.issue(c.kind(), c.apis(), c.state());
            Decision decision = decide(http, baseUrl, request(c, credential));
            assertEquals(c.expected(), decision.outcome(), c.name() + ": " + decision.description());
            assertEquals(c.expectedError(), decision.error(), c.name());
            if (c.expected() == Outcome.ALLOW) {
                assertEquals(c.kind(), decision.principal().kind(), c.name());
            }
        }));
    }

    static DecisionRequest request(Case c, IssuedCredential credential) {
        String token = credential.token();
        String other = TokenFormat.newToken(TokenFormat.newId());
        return switch (c.presentation()) {
            case NONE -> new DecisionRequest(null, null, c.audience(), c.api());
            case BEARER, TOKEN_AS_BEARER -> new DecisionRequest("Bearer " + token, null, c.audience(), c.api());
            case QUERY -> new DecisionRequest(null, token, c.audience(), c.api());
            case BASIC -> new DecisionRequest(basic(token, credential.secret()), null, c.audience(), c.api());
            case BASIC_WRONG_SECRET -> new DecisionRequest(basic(token, TokenFormat.newSecret()), null, c.audience(),
                    c.api());
            case TOKEN_AS_BASIC -> new DecisionRequest(basic(token, TokenFormat.newSecret()), null, c.audience(),
                    c.api());
            case BEARER_TRUNCATED -> new DecisionRequest("Bearer " + token.substring(0, token.length() - 4), null,
                    c.audience(), c.api());
            case BEARER_BAD_CHECKSUM -> new DecisionRequest("Bearer " + flipLast(token), null, c.audience(), c.api());
            case BEARER_UNKNOWN -> new DecisionRequest("Bearer " + other, null, c.audience(), c.api());
            case HEADER_AND_QUERY -> new DecisionRequest("Bearer " + token, token, c.audience(), c.api());
            case SCHEME_ONLY -> new DecisionRequest("Bearer", null, c.audience(), c.api());
        };
    }

    private static String basic(String token, String secret) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((token + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String flipLast(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static Decision decide(HttpClient http, String baseUrl, DecisionRequest request)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + AuthServiceDouble.PATH))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(request))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), "decision API status");
        return Json.MAPPER.readValue(response.body(), Decision.class);
    }

    private DecisionContract() {
    }
}
