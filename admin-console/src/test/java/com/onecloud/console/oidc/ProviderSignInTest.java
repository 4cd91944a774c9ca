package com.onecloud.console.oidc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.onecloud.console.session.Session;
import com.onecloud.console.session.SessionCodec;
import com.onecloud.console.session.SessionCookie;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Sign-in through the provider, end to end at the HTTP level: the sign-in page offers it, the console sends the
 * browser to the provider with PKCE and state, and on its return hands the provider's access token over to its own
 * sealed session as a Bearer credential, dropping Quarkus OIDC's session cookie.
 */
@QuarkusTest
@TestProfile(ProviderProfile.class)
class ProviderSignInTest {

    @ConfigProperty(name = "onecloud.console.session.key")
    String key;

    /** The provider's address, from the configuration its test resource gave (a static of it may be another class's). */
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @Test
    void aUserSignsInThroughTheProviderAndTheConsoleKeepsItsAccessTokenAsABearerCredential() {
        given().get("/sign-in").then().statusCode(200)
                .body(containsString("Sign in with " + ProviderResource.PROVIDER_NAME));

        Response start = given().redirects().follow(false).get("/sign-in/oidc");
        start.then().statusCode(302);
        URI authorize = URI.create(start.header("Location"));
        Map<String, String> request = query(authorize.getRawQuery());
        assertThat(authorize.toString()).startsWith(issuer + "/authorize");
        assertThat(request).containsEntry("client_id", ProviderResource.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "code_challenge");

        Response provider = given().redirects().follow(false).formParams(request)
                .formParam("login", ProviderResource.LOGIN).post(issuer + "/authorize");
        provider.then().statusCode(302);

        Response back = given().redirects().follow(false).cookies(start.getCookies())
                .get(provider.header("Location"));
        back.then().statusCode(200).body(containsString("You are signed in"))
                .body(containsString("http-equiv=\"refresh\""));
        assertThat(back.getDetailedCookies().asList()).as("Quarkus OIDC's session cookie is removed at once")
                .allSatisfy(cookie -> {
                    if (cookie.getName().startsWith("q_session")) {
                        assertThat(cookie.getMaxAge()).isZero();
                    }
                });
        Session session = new SessionCodec(key).open(back.cookie(SessionCookie.NAME)).orElseThrow();
        String authorization = session.credential().authorization();
        assertThat(authorization).startsWith("Bearer ");
        String claims = new String(Base64.getUrlDecoder().decode(authorization.split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"" + ProviderResource.LOGIN + "\"")
                .contains("\"iss\":\"" + issuer + "\"");
        assertThat(session.credential().user()).isTrue();
        assertThat(session.credential().apis()).isEqualTo(List.of("CONTACTS"));
        assertThat(session.credential().expiresAt()).isBetween(Instant.now().getEpochSecond() + 500,
                Instant.now().getEpochSecond() + 601);

        // The signed-in home is My tickets.
        given().redirects().follow(false).cookie(SessionCookie.NAME, back.cookie(SessionCookie.NAME)).get("/")
                .then().statusCode(303).header("Location", containsString("/my/tickets"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
