package com.onecloud.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.onecloud.console.session.Session.Credential;
import com.onecloud.console.session.Session.Issued;
import com.onecloud.console.session.Session.Notice;

/** The sealed cookie: it opens only with its key, unchanged, and shows nothing of the credential. */
class SessionCodecTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });
    private static final Session SIGNED_IN = Session.anonymous(1_000)
            .signIn(new Credential("oc_abc_token", "the-secret", "APPLICATION", "org-1"), 2_000)
            .withNotice(Notice.error("refused", "lt-1")).withIssued(new Issued("t-1", "oc_new", "new-secret"));

    @Test
    void aSealedSessionOpensAsItWas() {
        SessionCodec codec = new SessionCodec(KEY);
        assertThat(codec.open(codec.seal(SIGNED_IN))).contains(SIGNED_IN);
    }

    @Test
    void theCookieShowsNeitherTokenNorSecretAndDiffersEachTime() {
        SessionCodec codec = new SessionCodec(KEY);
        String sealed = codec.seal(SIGNED_IN);
        String decoded = new String(Base64.getUrlDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(decoded).doesNotContain("oc_abc_token").doesNotContain("the-secret").doesNotContain("oc_new");
        assertThat(codec.seal(SIGNED_IN)).as("a new nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void aChangedTruncatedForeignOrGarbledCookieDoesNotOpen() {
        SessionCodec codec = new SessionCodec(KEY);
        String sealed = codec.seal(SIGNED_IN);
        char last = sealed.charAt(sealed.length() - 2);
        String flipped = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        assertThat(codec.open(flipped)).isEmpty();
        assertThat(codec.open(sealed.substring(0, sealed.length() / 2))).isEmpty();
        assertThat(new SessionCodec(OTHER_KEY).open(sealed)).isEmpty();
        assertThat(codec.open("not base64 at all!")).isEmpty();
        assertThat(codec.open("")).isEmpty();
        assertThat(codec.open(null)).isEmpty();
    }

    @Test
    void aKeyMustBeBase64OfSixteenOrThirtyTwoBytes() {
        assertThatThrownBy(() -> new SessionCodec("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionCodec(Base64.getEncoder().encodeToString(new byte[20])))
                .hasMessageContaining("16 or 32 bytes");
    }

    @Test
    void signingInChangesTheCsrfTokenAndTheCredentialNeverPrints() {
        Session anonymous = Session.anonymous(1);
        assertThat(SIGNED_IN.csrf()).isNotEqualTo(anonymous.csrf());
        assertThat(SIGNED_IN.toString() + SIGNED_IN.credential() + SIGNED_IN.issued())
                .doesNotContain("oc_abc_token").doesNotContain("the-secret").doesNotContain("new-secret");
    }
}
