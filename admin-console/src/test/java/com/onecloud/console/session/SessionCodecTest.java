package com.onecloud.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.onecloud.console.oidc.AccessToken;
import com.onecloud.console.session.Session.Credential;
import com.onecloud.console.session.Session.Issued;
import com.onecloud.console.session.Session.Notice;

/** The sealed cookie: it opens only with its key, unchanged, and shows nothing of the credential. */
class SessionCodecTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });
    private static final Session SIGNED_IN = Session.anonymous(1_000)
            .signIn(Credential.ticket("oc_abc_token", "the-secret", "APPLICATION", "org-1"), 2_000)
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
    void aProviderSignInKeepsItsBearerTokenSealedAndItsEnd() {
        SessionCodec codec = new SessionCodec(KEY);
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJl";
        Session session = Session.anonymous(1_000).signIn(Credential.bearer(jwt, "USER", 1_700_000_000L,
                List.of("CONTACTS")), 2_000);
        String sealed = codec.seal(session);
        assertThat(codec.open(sealed)).contains(session);
        assertThat(session.credential().authorization()).isEqualTo("Bearer " + jwt);
        assertThat(new String(Base64.getUrlDecoder().decode(sealed), StandardCharsets.ISO_8859_1))
                .doesNotContain(jwt);
        assertThat(session.credential().endedAt(1_699_999_999L)).isFalse();
        assertThat(session.credential().endedAt(1_700_000_000L)).isTrue();
        assertThat(SIGNED_IN.credential().endedAt(Long.MAX_VALUE)).as("a ticket's end is the API's to enforce")
                .isFalse();
    }

    @Test
    void theLargestSessionWithAProviderTokenFitsTheBrowsersFourKilobyteCookie() {
        String longestToken = "e".repeat(AccessToken.MAX_LENGTH);
        Session largest = Session.anonymous(1_000)
                .signIn(Credential.bearer(longestToken, "SUPERUSER", 1_700_000_000L,
                        List.of("CONTACTS", "USERS", "TICKETS")), 2_000)
                .withNotice(Notice.error("x".repeat(10_000), "log-token-0123456789abcdef"))
                .withIssued(new Issued("t".repeat(40), "oc_" + "t".repeat(120), "s".repeat(60)));
        String cookie = SessionCookie.NAME + "=" + new SessionCodec(KEY).seal(largest)
                + "; Path=/; HttpOnly; SameSite=Strict; Secure";
        assertThat(cookie.length()).isLessThan(4096);
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
