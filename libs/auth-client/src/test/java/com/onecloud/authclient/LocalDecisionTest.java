package com.onecloud.authclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Decision;
import com.onecloud.access.Decision.Outcome;
import com.onecloud.access.credential.TokenFormat;

class LocalDecisionTest {

    private static final String TOKEN = TokenFormat.newToken(TokenFormat.newId());
    private static final String SECRET = TokenFormat.newSecret();

    @Test
    void aRepeatedCredentialIsAnInvalidRequest() {
        assertThat(LocalDecision.ofRepeated(List.of("Bearer " + TOKEN, "Bearer " + TOKEN), List.of()).outcome())
                .isEqualTo(Outcome.INVALID_REQUEST);
        assertThat(LocalDecision.ofRepeated(List.of(), List.of(TOKEN, TOKEN)).error()).isEqualTo("invalid_request");
        assertThat(LocalDecision.ofRepeated(List.of("Bearer " + TOKEN), List.of())).isNull();
        assertThat(LocalDecision.ofRepeated(List.of(), List.of())).isNull();
    }

    @Test
    void noCredentialIsUnauthenticatedWithoutAnErrorCode() {
        Decision none = LocalDecision.of(null, null);
        assertThat(none.outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(none.error()).isNull();
    }

    @Test
    void aHeaderAndAQueryTokenOrAnUnreadableHeaderAreInvalidRequests() {
        assertThat(LocalDecision.of("Bearer " + TOKEN, TOKEN).outcome()).isEqualTo(Outcome.INVALID_REQUEST);
        assertThat(LocalDecision.of("Token " + TOKEN, null).outcome()).isEqualTo(Outcome.INVALID_REQUEST);
    }

    @Test
    void aMalformedTokenOrSecretIsAnInvalidTokenDecidedHere() {
        String truncated = TOKEN.substring(0, TOKEN.length() - 1);
        String wrongChecksum = TOKEN.substring(0, TOKEN.length() - 1) + (TOKEN.endsWith("A") ? "B" : "A");
        for (String bad : List.of("oc_nope", truncated, wrongChecksum)) {
            assertThat(LocalDecision.of("Bearer " + bad, null).error()).as(bad).isEqualTo("invalid_token");
            assertThat(LocalDecision.of(null, bad).error()).as(bad).isEqualTo("invalid_token");
            assertThat(LocalDecision.of(basic(bad, SECRET), null).error()).as(bad).isEqualTo("invalid_token");
        }
        assertThat(LocalDecision.of(basic(TOKEN, "short"), null).error()).isEqualTo("invalid_token");
    }

    @Test
    void wellFormedCredentialsAndJwtsAreAuthServicesToDecide() {
        assertThat(LocalDecision.of("Bearer " + TOKEN, null)).isNull();
        assertThat(LocalDecision.of(null, TOKEN)).isNull();
        assertThat(LocalDecision.of(basic(TOKEN, SECRET), null)).isNull();
        assertThat(LocalDecision.of("Bearer aaa.bbb.ccc", null)).isNull();
    }

    private static String basic(String token, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((token + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
