package com.onecloud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated credentials are kept between runs, private, and completed when a newer version needs more. */
class LocalSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void theFirstRunMakesThemAndLaterRunsReadTheSame() throws IOException {
        LocalSecrets first = LocalSecrets.loadOrCreate(dataDir);
        assertThat(first.bootstrapToken()).startsWith("oc_");
        assertThat(new String[] { first.bootstrapSecret(), first.authReaderPassword(), first.ticketServicePassword(),
                first.resourceServicePassword(), first.consoleSessionKey() }).doesNotContainNull()
                .doesNotHaveDuplicates();
        assertThat(java.util.Base64.getDecoder().decode(first.consoleSessionKey())).as("an AES-256 key").hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secrets.properties"))))
                .isEqualTo("rw-------");
        assertThat(LocalSecrets.loadOrCreate(dataDir)).usingRecursiveComparison().isEqualTo(first);
    }

    @Test
    void aDataFolderOfAnOlderVersionKeepsItsSecretsAndGetsTheMissingOnes() throws IOException {
        Path file = dataDir.resolve("secrets.properties");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "bootstrap.token=oc_old_token\nbootstrap.secret=old-secret\n"
                + "auth-reader.password=old-reader\n");

        LocalSecrets upgraded = LocalSecrets.loadOrCreate(dataDir);

        assertThat(upgraded.bootstrapToken()).isEqualTo("oc_old_token");
        assertThat(upgraded.bootstrapSecret()).isEqualTo("old-secret");
        assertThat(upgraded.authReaderPassword()).isEqualTo("old-reader");
        assertThat(upgraded.ticketServicePassword()).isNotBlank().isNotEqualTo(upgraded.resourceServicePassword());
        assertThat(LocalSecrets.loadOrCreate(dataDir)).as("the added ones are kept").usingRecursiveComparison()
                .isEqualTo(upgraded);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
