package com.onecloud.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A class-data archive of every class a service loaded while it started and answered its first requests, recorded by
 * a training start ({@code -XX:ArchiveClassesAtExit}) the first time a build runs on this JDK. Quarkus's own archive
 * ({@code app-cds.jsa}) holds only what the build could load without a database or a broker; this one also holds
 * Hibernate's, Vert.x's and the Kafka client's classes: the services started 13–20 % faster with it
 * (docs/benchmarks.md).
 */
final class TrainedArchive {

    private final Path file;
    private final Path runJar;

    /** The archive of the application whose runner jar is {@code runJar}, for the JDK running this code. */
    TrainedArchive(Path runJar) {
        this(runJar, Runtime.version().toString());
    }

    TrainedArchive(Path runJar, String jdkVersion) {
        this.runJar = runJar;
        // The JVM refuses an archive another JDK build wrote; one file per JDK keeps a switch of JDK from going slow.
        this.file = runJar.resolveSibling("trained-cds-" + jdkVersion.replaceAll("[^A-Za-z0-9.]", "_") + ".jsa");
    }

    Path file() {
        return file;
    }

    /** Whether it exists and was recorded after the application was last packaged; a rebuild needs a new one. */
    boolean isCurrent() {
        try {
            return Files.exists(file)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(runJar)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Where a training start writes; the JVM writes the file at exit, so a crash leaves no half-written archive. */
    Path recording() {
        return file.resolveSibling(file.getFileName() + ".recording");
    }

    /** Makes the recording the archive; returns false if the training start wrote none. */
    boolean keepRecording() {
        if (!Files.exists(recording())) {
            return false;
        }
        try {
            Files.move(recording(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
