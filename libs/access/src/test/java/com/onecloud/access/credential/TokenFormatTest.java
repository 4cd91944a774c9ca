package com.onecloud.access.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TokenFormatTest {

    @Test
    void aNewTokenCarriesItsCredentialIdAndPassesItsChecksum() {
        String id = TokenFormat.newId();
        String token = TokenFormat.newToken(id);
        assertThat(token).startsWith("oc_" + id + "_").hasSize(TokenFormat.TOKEN_LENGTH);
        assertThat(TokenFormat.credentialId(token)).contains(id);
    }

    @Test
    void tokensAndSecretsAreUnique() {
        Set<String> seen = new HashSet<>();
        String id = TokenFormat.newId();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(TokenFormat.newToken(id))).isTrue();
            assertThat(seen.add(TokenFormat.newSecret())).isTrue();
        }
    }

    @Test
    void theRandomPartsCarryAtLeast128Bits() {
        double bitsPerChar = Math.log(62) / Math.log(2);
        assertThat(TokenFormat.RANDOM_LENGTH * bitsPerChar).isGreaterThan(128);
        assertThat(TokenFormat.SECRET_LENGTH * bitsPerChar).isGreaterThan(128);
    }

    @Test
    void malformedTruncatedOrMistypedTokensAreRejectedWithoutLookup() {
        String token = TokenFormat.newToken(TokenFormat.newId());
        char last = token.charAt(token.length() - 1);
        String mistyped = token.substring(0, 30) + (token.charAt(30) == 'a' ? 'b' : 'a') + token.substring(31);
        assertThat(TokenFormat.credentialId(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(TokenFormat.credentialId(token + "x")).isEmpty();
        assertThat(TokenFormat.credentialId(token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a')))
                .isEmpty();
        assertThat(TokenFormat.credentialId(mistyped)).isEmpty();
        assertThat(TokenFormat.credentialId("xx" + token.substring(2))).isEmpty();
        assertThat(TokenFormat.credentialId(token.replace('_', '-'))).isEmpty();
        assertThat(TokenFormat.credentialId(null)).isEmpty();
        assertThat(TokenFormat.credentialId("")).isEmpty();
    }

    @Test
    void hashesCompareInConstantTimeAndNeverEqualTheInput() {
        String secret = TokenFormat.newSecret();
        byte[] hash = CredentialHash.sha256(secret);
        assertThat(CredentialHash.matches(secret, hash)).isTrue();
        assertThat(CredentialHash.matches(secret + "x", hash)).isFalse();
        assertThat(CredentialHash.matches(null, hash)).isFalse();
        assertThat(CredentialHash.sha256Hex(secret)).hasSize(64).doesNotContain(secret);
    }
}
