package com.onecloud.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the services read, taken from their sources, so that the manifests are checked against the code and not against
 * a second copy of the same names. A pattern that no longer matches fails with the place to look at.
 */
final class Sources {

    static final String[] SERVICES = { "ticket-service", "auth-service", "resource-service" };
    /** The administrator web console: a workload like the services, but with no database, broker or auth-service. */
    static final String CONSOLE = "admin-console";
    /** Everything that runs as a Deployment of ours: the services and the console. */
    static final String[] WORKLOADS = { "ticket-service", "auth-service", "resource-service", CONSOLE };

    /** The program the init container migrate-schema runs (java -jar schema-migrations.jar ticket|resource). */
    static final String MIGRATIONS = "tools/schema-migrations";
    static final String MIGRATIONS_SOURCES = MIGRATIONS + "/src/main/java";

    private Sources() {
    }

    static String read(String relative) {
        return read(Manifests.repoRoot().resolve(relative));
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + path, e);
        }
    }

    static String find(String relative, String regex, String what) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(read(relative));
        if (!m.find()) {
            throw new AssertionError("Cannot find " + what + " in " + relative + " (pattern " + regex
                    + "): update deploy-tests' Sources to the new code, and deploy/ to the new value.");
        }
        return m.group(1);
    }

    /** The defaults the shared libraries give every service that uses them. */
    static final String[] SHARED_CONFIG = { "libs/http-conventions/src/main/resources/META-INF/microprofile-config.properties",
            "libs/auth-client/src/main/resources/META-INF/microprofile-config.properties" };

    private static final String REVOCATION_FEED = "libs/revocation/src/main/java/com/onecloud/revocation/RevocationFeed.java";

    static String ticketEventsTopic() {
        return find("libs/events/src/main/java/com/onecloud/events/Topics.java", "TICKET_EVENTS\\s*=\\s*\"([^\"]+)\"",
                "the ticket-events topic");
    }

    static String usageEventsTopic() {
        return find("libs/events/src/main/java/com/onecloud/events/Topics.java", "USAGE_EVENTS\\s*=\\s*\"([^\"]+)\"",
                "the usage-events topic");
    }

    /** ticket-service's shared consumer group for usage reports. */
    static String usageGroup() {
        return find("ticket-service/src/main/java/com/onecloud/ticket/config/TicketServiceConfig.java",
                "@WithDefault\\(\"([^\"]+)\"\\)\\s*String groupId\\(\\);\\s*/\\*\\* Upper bound of the retry backoff while a report",
                "the usage consumer group default");
    }

    static String directoryEventsTopic() {
        return find("libs/events/src/main/java/com/onecloud/events/Topics.java", "DIRECTORY_EVENTS\\s*=\\s*\"([^\"]+)\"",
                "the directory-events topic");
    }

    /**
     * The revocation feed's consumer group of a service: {@code <app><infix><uuid>}, one per replica. The same for
     * ticket- and resource-service (auth client) and auth-service.
     */
    static String revocationGroupPrefix(String service) {
        return applicationName(service) + find(REVOCATION_FEED, "GROUP_INFIX\\s*=\\s*\"([^\"]+)\"",
                "the revocation group infix");
    }

    /** The topics the revocation feed reads, in the order it names them. */
    static List<String> revocationTopics() {
        String constants = find(REVOCATION_FEED, "broadcast\\(\"revocations\",\\s*List\\.of\\(([^)]*)\\)",
                "the revocation feed's topic constants");
        List<String> topics = new ArrayList<>();
        for (String constant : constants.split(",")) {
            String name = constant.trim().replaceFirst("^Topics\\.", "");
            topics.add(find("libs/events/src/main/java/com/onecloud/events/Topics.java",
                    name + "\\s*=\\s*\"([^\"]+)\"", "the topic " + name));
        }
        return topics;
    }

    static String contactEventsTopic() {
        return find("libs/events/src/main/java/com/onecloud/events/Topics.java", "CONTACT_EVENTS\\s*=\\s*\"([^\"]+)\"",
                "the contact-events topic");
    }

    /** The subscriptions' consumer group of a service: {@code <app><infix><uuid>}, one per replica. */
    static String subscriptionGroupPrefix(String service) {
        return applicationName(service) + find("libs/subscriptions/src/main/java/com/onecloud/subscriptions/ChangeHub.java",
                "GROUP_INFIX\\s*=\\s*\"([^\"]+)\"", "the subscription group infix");
    }

    /** The topics a service's subscriptions read ({@code onecloud.subscriptions.topics}). */
    static List<String> subscriptionTopics(String service) {
        return List.of(find(service + "/src/main/resources/application.properties",
                "(?m)^onecloud\\.subscriptions\\.topics=(\\S+)", "onecloud.subscriptions.topics").split(","));
    }

    static String auditEventsTopic() {
        return find("libs/events/src/main/java/com/onecloud/events/Topics.java", "AUDIT_EVENTS\\s*=\\s*\"([^\"]+)\"",
                "the audit-events topic");
    }

    /** ticket-service's shared consumer group for the audit entries of other services. */
    static String auditGroup() {
        return find("ticket-service/src/main/java/com/onecloud/ticket/config/TicketServiceConfig.java",
                "interface AuditEvents.*?@WithDefault\\(\"([^\"]+)\"\\)\\s*String groupId\\(\\)",
                "the audit consumer group default");
    }

    /** ticket-service's shared consumer group for directory events. */
    static String directoryGroup() {
        return find("ticket-service/src/main/java/com/onecloud/ticket/config/TicketServiceConfig.java",
                "@WithDefault\\(\"([^\"]+)\"\\)\\s*String groupId\\(\\)", "the directory consumer group default");
    }

    static String applicationProperties(String service) {
        return read(service + "/src/main/resources/application.properties");
    }

    static String applicationName(String service) {
        return find(service + "/src/main/resources/application.properties", "(?m)^quarkus\\.application\\.name=(\\S+)",
                "quarkus.application.name");
    }

    /**
     * Environment variables a service reads: every {@code ${NAME...}} of its application.properties and of the shared
     * libraries' defaults, plus the variable form of every property such a file references ({@code ${onecloud.auth.url}}
     * is {@code ONECLOUD_AUTH_URL}).
     */
    static Set<String> environmentRead(String service) {
        Set<String> names = new LinkedHashSet<>();
        for (String text : new String[] { applicationProperties(service),
                read(SHARED_CONFIG[0]), read(SHARED_CONFIG[1]) }) {
            Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)").matcher(text);
            while (m.find()) {
                names.add(m.group(1).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * Environment variables schema-migrations reads: every {@code "ONECLOUD_..."} string literal of its Java sources
     * (it reads them with {@code System.getenv}).
     */
    static Set<String> migrationEnvironmentRead() {
        Set<String> names = new LinkedHashSet<>();
        Pattern literal = Pattern.compile("\"(ONECLOUD_[A-Z0-9_]+)\"");
        for (Path file : migrationSources()) {
            Matcher m = literal.matcher(read(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        if (names.isEmpty()) {
            throw new AssertionError("No \"ONECLOUD_...\" environment variable name in " + MIGRATIONS_SOURCES
                    + ": update deploy-tests' Sources to how schema-migrations reads its settings now.");
        }
        return names;
    }

    /** The schemas schema-migrations accepts as its argument: its enum Schema's constants, lower case. */
    static Set<String> migrationSchemas() {
        Path file = migrationSources().stream().filter(p -> p.getFileName().toString().equals("Schema.java")).findFirst()
                .orElseThrow(() -> new AssertionError("No Schema.java in " + MIGRATIONS_SOURCES
                        + ": update deploy-tests' Sources to where schema-migrations names its schemas."));
        String text = read(file);
        Matcher m = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]*)\\(\"classpath:").matcher(text);
        Set<String> schemas = new LinkedHashSet<>();
        while (m.find()) {
            schemas.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        if (schemas.isEmpty()) {
            throw new AssertionError("No schema constant (NAME(\"classpath:...\")) in " + file
                    + ": update deploy-tests' Sources to the new code.");
        }
        return schemas;
    }

    private static List<Path> migrationSources() {
        Path dir = Manifests.repoRoot().resolve(MIGRATIONS_SOURCES);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("No " + dir + ": the init container migrate-schema runs the module " + MIGRATIONS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError("Cannot list " + dir, e);
        }
    }
}
