package com.onecloud.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each service's OpenAPI document, as its production build wrote it, passes Redocly's recommended rules with no error
 * (warnings are printed). The linter is the version pinned in {@code tools/openapi-lint} (package.json and its lock
 * file), installed with {@code npm ci} into {@code target/}: a machine needs Node.js 20.19+ or 22.12+ and npm.
 */
class OpenApiLintTest {

    private static final Path ROOT = Path.of(System.getProperty("onecloud.repository.root", "../..")).toAbsolutePath()
            .normalize();
    private static final Path TOOL = ROOT.resolve("tools/openapi-lint");
    private static final Path INSTALLED = Path.of("target/openapi-lint").toAbsolutePath();

    @BeforeAll
    static void installTheLinter() throws Exception {
        Files.createDirectories(INSTALLED);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(TOOL.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Result install = run(INSTALLED, List.of(npm(), "ci", "--no-audit", "--no-fund"), true);
        assertThat(install.exit()).as("npm ci in %s:%n%s", INSTALLED, install.output()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "auth-service", "resource-service", "ticket-service" })
    void theDocumentHasNoLintError(String service) throws Exception {
        Path document = ROOT.resolve(service).resolve("target/openapi/openapi.yaml");
        assertThat(document).as("%s's production build writes its OpenAPI document", service).exists();
        Path report = INSTALLED.resolve(service + ".json");
        Result lint = run(INSTALLED, List.of("node", "node_modules/@redocly/cli/bin/cli.js", "lint",
                "--config", TOOL.resolve("redocly.yaml").toString(), "--format=json", document.toString()), false);
        Files.writeString(report, lint.output());
        JsonNode result = new ObjectMapper().readTree(lint.output().substring(lint.output().indexOf('{')));
        int errors = result.path("totals").path("errors").asInt(-1);
        int warnings = result.path("totals").path("warnings").asInt(-1);
        System.out.printf("OpenAPI lint (Redocly %s, recommended): %s: %d errors, %d warnings%n",
                result.path("version").asText(), service, errors, warnings);
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : result.path("problems")) {
            problems.add(problem.path("severity").asText() + " " + problem.path("ruleId").asText() + " at "
                    + problem.path("location").path(0).path("pointer").asText() + ": "
                    + problem.path("message").asText());
        }
        problems.forEach(p -> System.out.println("  " + p));
        assertThat(errors).as("lint errors in %s (full report: %s):%n%s", document, report,
                String.join("\n", problems)).isZero();
    }

    private record Result(int exit, String output) {
    }

    /** Runs {@code command}; its output is stdout, with stderr too if {@code withErrors} (else stderr is dropped). */
    private static Result run(Path directory, List<String> command, boolean withErrors)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        if (withErrors) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("The OpenAPI lint needs Node.js (20.19+ or 22.12+) and npm on the PATH: "
                    + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out: " + command);
        }
        return new Result(process.exitValue(), output);
    }

    private static String npm() {
        return System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";
    }
}
