package com.onecloud.access.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class CredentialHashTest {

    /** FIPS 180-2's first SHA-256 example. */
    private static final String SHA_256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesAreSha256AndDoNotDependOnWhatWasHashedBefore() {
        assertThat(CredentialHash.sha256Hex("abc")).isEqualTo(SHA_256_OF_ABC);
        CredentialHash.sha256("something else first");
        assertThat(CredentialHash.sha256Hex("abc")).isEqualTo(SHA_256_OF_ABC);
    }

    @Test
    void threadsHashIndependently() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Callable<String> hash = () -> CredentialHash.sha256Hex("abc");
            for (Future<String> result : threads.invokeAll(Collections.nCopies(64, hash))) {
                assertThat(result.get()).isEqualTo(SHA_256_OF_ABC);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void matchesOnlyTheHashedValue() {
        byte[] stored = HexFormat.of().parseHex(SHA_256_OF_ABC);
        assertThat(CredentialHash.matches("abc", stored)).isTrue();
        assertThat(CredentialHash.matches("abd", stored)).isFalse();
        assertThat(CredentialHash.matches(null, stored)).isFalse();
        assertThat(CredentialHash.matches("abc", null)).isFalse();
    }
}
