package com.onecloud.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.onecloud.platform.Platform;

/** The platform records a class archive per service and build, and every service starts from it. */
class ClassArchiveIT {

    @Test
    void everyServiceStartsFromTheArchiveItsTrainingStartRecorded() throws IOException {
        Platform platform = RunningPlatform.get();
        for (String service : List.of(Platform.TICKET, Platform.AUTH, Platform.RESOURCE)) {
            Path app = RunningPlatform.repositoryRoot().resolve(service).resolve("target/quarkus-app");
            try (Stream<Path> files = Files.list(app)) {
                Path archive = files.filter(f -> f.getFileName().toString().matches("trained-cds-.*\\.jsa"))
                        .findFirst().orElseThrow(() -> new AssertionError(service + ": no trained class archive"));
                assertThat(Files.getLastModifiedTime(archive))
                        .as(service + ": archive recorded after the build")
                        .isGreaterThanOrEqualTo(Files.getLastModifiedTime(app.resolve("quarkus-run.jar")));
            }
        }
        // The JVM says so when it refuses an archive (another class path or JDK) and starts without it.
        for (Path log : platform.logFiles()) {
            assertThat(Files.readString(log)).as(log.toString()).doesNotContain("[cds");
        }
    }
}
