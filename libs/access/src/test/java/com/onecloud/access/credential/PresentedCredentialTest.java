package com.onecloud.access.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class PresentedCredentialTest {

    private static String basic(String value) {
        return "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachFormIsRecognised() {
        assertThat(PresentedCredential.parse(null, null)).isInstanceOf(PresentedCredential.None.class);
        assertThat(PresentedCredential.parse("Bearer oc_abc", null)).isEqualTo(new PresentedCredential.Token("oc_abc"));
        assertThat(PresentedCredential.parse("bearer oc_abc", null)).isEqualTo(new PresentedCredential.Token("oc_abc"));
        assertThat(PresentedCredential.parse(null, "oc_abc")).isEqualTo(new PresentedCredential.Token("oc_abc"));
        assertThat(PresentedCredential.parse(basic("oc_abc:s3cret"), null))
                .isEqualTo(new PresentedCredential.TokenAndSecret("oc_abc", "s3cret"));
        assertThat(PresentedCredential.parse("Bearer aaa.bbb.ccc", null))
                .isEqualTo(new PresentedCredential.Jwt("aaa.bbb.ccc"));
        assertThat(PresentedCredential.parse("Bearer aaa.bbb", null)).as("one dot: not a JWS")
                .isEqualTo(new PresentedCredential.Token("aaa.bbb"));
        assertThat(PresentedCredential.parse("Bearer a.b.c.d", null)).as("three dots: not a compact JWS")
                .isEqualTo(new PresentedCredential.Token("a.b.c.d"));
    }

    @Test
    void ambiguousOrUnreadableRequestsAreInvalid() {
        assertThat(PresentedCredential.parse("Bearer oc_abc", "oc_def")).isInstanceOf(PresentedCredential.Ambiguous.class);
        assertThat(PresentedCredential.parse("Bearer oc_abc, Basic eA==", null))
                .isInstanceOf(PresentedCredential.Ambiguous.class);
        assertThat(PresentedCredential.parse("Bearer", null)).isInstanceOf(PresentedCredential.Ambiguous.class);
        assertThat(PresentedCredential.parse("Digest abc", null)).isInstanceOf(PresentedCredential.Ambiguous.class);
        assertThat(PresentedCredential.parse("Basic !!!", null)).isInstanceOf(PresentedCredential.Ambiguous.class);
        assertThat(PresentedCredential.parse(basic("no-colon"), null)).isInstanceOf(PresentedCredential.Ambiguous.class);
    }

    @Test
    void toStringNeverShowsTheCredential() {
        assertThat(PresentedCredential.parse(basic("oc_abc:s3cret"), null).toString()).doesNotContain("oc_abc", "s3cret");
        assertThat(PresentedCredential.parse("Bearer oc_abc", null).toString()).doesNotContain("oc_abc");
    }
}
