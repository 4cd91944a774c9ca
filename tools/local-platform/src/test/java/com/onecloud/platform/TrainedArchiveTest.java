package com.onecloud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedArchiveTest {

    private static final Instant PACKAGED = Instant.parse("2026-11-30T02:00:00Z");

    @TempDir
    Path app;

    @Test
    void eachJdkHasItsOwnArchiveNextToTheJar() throws IOException {
        Path jar = packagedJar();
        assertThat(new TrainedArchive(jar, "17.0.15+6-Debian-1deb12u1").file())
                .isEqualTo(app.resolve("trained-cds-17.0.15_6_Debian_1deb12u1.jsa"));
        assertThat(new TrainedArchive(jar, "21.0.5+11").file()).isEqualTo(app.resolve("trained-cds-21.0.5_11.jsa"));
    }

    @Test
    void aMissingArchiveIsNotCurrent() throws IOException {
        assertThat(new TrainedArchive(packagedJar(), "17").isCurrent()).isFalse();
    }

    @Test
    void anArchiveRecordedBeforeTheLastPackagingIsNotCurrent() throws IOException {
        TrainedArchive archive = new TrainedArchive(packagedJar(), "17");
        write(archive.file(), PACKAGED.minusSeconds(60));
        assertThat(archive.isCurrent()).isFalse();
    }

    @Test
    void anArchiveRecordedAfterTheLastPackagingIsCurrent() throws IOException {
        TrainedArchive archive = new TrainedArchive(packagedJar(), "17");
        write(archive.file(), PACKAGED.plusSeconds(60));
        assertThat(archive.isCurrent()).isTrue();
    }

    @Test
    void aRecordingBecomesTheArchive() throws IOException {
        TrainedArchive archive = new TrainedArchive(packagedJar(), "17");
        write(archive.file(), PACKAGED.minusSeconds(60));
        Files.writeString(archive.recording(), "new");

        assertThat(archive.keepRecording()).isTrue();
        assertThat(archive.file()).hasContent("new");
        assertThat(archive.recording()).doesNotExist();
        assertThat(archive.isCurrent()).isTrue();
    }

    @Test
    void aTrainingThatWroteNothingLeavesNoArchive() throws IOException {
        TrainedArchive archive = new TrainedArchive(packagedJar(), "17");
        assertThat(archive.keepRecording()).isFalse();
        assertThat(archive.file()).doesNotExist();
    }

    private Path packagedJar() throws IOException {
        return write(app.resolve("quarkus-run.jar"), PACKAGED);
    }

    private static Path write(Path file, Instant modified) throws IOException {
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
