package com.onecloud.console.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the console reads from a provider's access token: its end and its APIs, or nothing from anything else. */
class AccessTokenTest {

    @Test
    void theEndAndTheApisAreReadAsArrayOrSpaceSeparatedText() {
        assertThat(AccessToken.parse(jwt("{\"exp\":1700000000,\"onecloud_apis\":[\"contacts\",\"USERS\"]}"),
                "onecloud_apis")).contains(new AccessToken(1_700_000_000L, List.of("CONTACTS", "USERS")));
        assertThat(AccessToken.parse(jwt("{\"exp\":1700000000,\"apis\":\"CONTACTS, TICKETS\"}"), "apis"))
                .contains(new AccessToken(1_700_000_000L, List.of("CONTACTS", "TICKETS")));
        assertThat(AccessToken.parse(jwt("{\"exp\":1700000000}"), "onecloud_apis"))
                .contains(new AccessToken(1_700_000_000L, List.of()));
    }

    @Test
    void aTokenWithoutANumericExpiryOrNotAJwtIsNotRead() {
        assertThat(AccessToken.parse(jwt("{\"sub\":\"a\"}"), "onecloud_apis")).isEmpty();
        assertThat(AccessToken.parse(jwt("{\"exp\":\"tomorrow\"}"), "onecloud_apis")).isEmpty();
        assertThat(AccessToken.parse("opaque-token", "onecloud_apis")).isEmpty();
        assertThat(AccessToken.parse("a.!!!.c", "onecloud_apis")).isEmpty();
        assertThat(AccessToken.parse("a." + base64("not json") + ".c", "onecloud_apis")).isEmpty();
        assertThat(AccessToken.parse(null, "onecloud_apis")).isEmpty();
    }

    private static String jwt(String claims) {
        return base64("{\"alg\":\"RS256\"}") + "." + base64(claims) + ".c2lnbmF0dXJl";
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
