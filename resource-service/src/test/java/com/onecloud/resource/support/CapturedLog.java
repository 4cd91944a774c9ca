package com.onecloud.resource.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The service's log as the tests capture it (`%test.quarkus.log.file.*`): every file, rotated ones included. */
public final class CapturedLog {

    private CapturedLog() {
    }

    public static List<Path> files() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("resource-service-test.log")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many lines of the whole log match {@code pattern}. */
    public static long count(Pattern pattern) {
        return files().stream().flatMap(file -> text(file).lines()).filter(line -> pattern.matcher(line).find())
                .count();
    }
}
