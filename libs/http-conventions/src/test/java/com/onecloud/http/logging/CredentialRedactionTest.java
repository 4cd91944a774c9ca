package com.onecloud.http.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialRedactionTest {

    private static final String TOKEN = "oc_3f9c2a_Zk8wQm4RtY7uVb2NcXe5LpA9sD1fGh0J_c4Q";

    @ParameterizedTest
    @ValueSource(strings = {
            "Authorization: Bearer " + TOKEN,
            "AUTHORIZATION: BEARER " + TOKEN,
            "Authorization: Basic b2NfM2Y5YzJhX1prOHdRbTRSdFk3dVZiMk5jWGU1THBBOXNEMWZHaDBKOnNlY3JldA==",
            "GET /api/user/v1/contacts?limit=5&t=" + TOKEN + " HTTP/1.1",
            "{\"token\":\"" + TOKEN + "\"}",
            "{\"secret\":\"s3cr3t-value-123\"}",
            "secret=s3cr3t-value-123" })
    void credentialsAreMasked(String line) {
        String redacted = CredentialRedaction.redact(line);
        assertThat(redacted).contains(CredentialRedaction.MASK)
                .doesNotContain(TOKEN)
                .doesNotContain("s3cr3t-value-123")
                .doesNotContain("b2NfM2Y5YzJh");
    }

    /** Vert.x 4 reads query parameters' names regardless of case, so the filter takes {@code T} for {@code t}. */
    @Test
    void aQueryParameterTIsMaskedWhateverItsCase() {
        assertThat(CredentialRedaction.redact("GET /api/user/v1/contacts?T=abc123def HTTP/1.1"))
                .isEqualTo("GET /api/user/v1/contacts?T=" + CredentialRedaction.MASK + " HTTP/1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET /api/user/v1/contacts?limit=5 200", "logToken=0a1b2c3d4e5f6071 status=404",
            "tickets revoked: 3" })
    void otherTextIsUntouched(String line) {
        assertThat(CredentialRedaction.redact(line)).isEqualTo(line);
    }
}
