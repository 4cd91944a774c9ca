package com.onecloud.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test logs: {@code auth-service-test.log} is the service's file log (through http-conventions' redaction filter), and
 * {@code auth-service-raw.log} the same records with no filter at all, so that a credential this service wrote by
 * mistake shows up even though the redaction filter would have masked it.
 */
public final class CapturedLog {

    public static final List<Path> FILES = List.of(Path.of("target/auth-service-test.log"),
            Path.of("target/auth-service-raw.log"));

    private CapturedLog() {
    }

    /**
     * Asserts that no token, secret or Basic value issued by the fixtures appears in either log, which must contain
     * {@code marker} (a line the tests caused), so that an empty or stale log cannot pass.
     */
    public static void assertNoIssuedCredential(String marker) {
        List<String> material = Tickets.issuedMaterial();
        assertThat(material).isNotEmpty();
        for (Path file : FILES) {
            assertThat(file).exists();
            String log = read(file);
            assertThat(log).as(file + " holds this run's lines").contains(marker);
            for (String secret : material) {
                assertThat(log).as(file + " must not contain an issued credential").doesNotContain(secret);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
