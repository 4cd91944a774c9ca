package com.onecloud.deploy;

import static com.onecloud.deploy.Manifests.allContainers;
import static com.onecloud.deploy.Manifests.list;
import static com.onecloud.deploy.Manifests.managedRoles;
import static com.onecloud.deploy.Manifests.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The containers' environment against what the services read (their sources): no variable a service does not read, no
 * credential inline or in a ConfigMap, every Secret taken from where it is made (Strimzi, CloudNativePG or the commands
 * in docs/deploy.md), and the URLs, ports and names that tie the services, PostgreSQL and Kafka together.
 */
class SecretsAndConfigTest {

    /** Names of variables whose value is a credential: they must come from a Secret. */
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|JAAS|CREDENTIAL|PRIVATE|API_?KEY|CERTIFICATES|KEYSTORE).*");
    /** Values that look like a credential wherever they appear inline. */
    private static final Pattern CREDENTIAL_VALUE = Pattern.compile(
            "(?is).*(oc_[A-Za-z0-9]{8,}|password\\s*=|BEGIN [A-Z ]*PRIVATE KEY|://[^/\\s:@]+:[^/\\s@]+@|^[A-Za-z0-9]{40}$).*");

    @EachOverlay
    void noCredentialIsInline(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (JsonNode template : m.podTemplates()) {
            for (JsonNode c : allContainers(template)) {
                for (JsonNode e : list(c.path("env"))) {
                    String what = overlay + " " + c.path("name").asText() + " env " + e.path("name").asText();
                    if (CREDENTIAL_NAME.matcher(e.path("name").asText()).matches()) {
                        assertThat(e.has("value")).as(what + " must not be inline").isFalse();
                        assertThat(e.path("valueFrom").path("secretKeyRef").path("name").asText()).as(what + " from a Secret").isNotBlank();
                    }
                    if (e.has("value")) {
                        assertThat(e.path("value").asText()).as(what + " looks like a credential").doesNotMatch(CREDENTIAL_VALUE);
                    }
                }
                for (JsonNode from : list(c.path("envFrom"))) {
                    assertThat(from.has("configMapRef") || from.has("secretRef")).isTrue();
                }
            }
        }
        for (JsonNode cm : m.ofKind("ConfigMap")) {
            cm.path("data").fields().forEachRemaining(e -> {
                String what = overlay + " ConfigMap " + name(cm) + " key " + e.getKey();
                assertThat(e.getKey()).as(what + ": credentials belong in Secrets").doesNotMatch(CREDENTIAL_NAME);
                assertThat(e.getValue().asText()).as(what + " looks like a credential").doesNotMatch(CREDENTIAL_VALUE);
            });
        }
    }

    @EachOverlay
    void theEnvironmentIsWhatTheServicesRead(String overlay) throws Exception {
        Manifests m = Manifests.of(overlay);
        Set<String> kafkaSettings = new HashSet<>(ProducerConfig.configNames());
        kafkaSettings.addAll(ConsumerConfig.configNames());
        Set<String> quarkusAllowed = Set.of("QUARKUS_HTTP_PORT", "QUARKUS_SHUTDOWN_TIMEOUT");
        Set<String> migrationRead = Sources.migrationEnvironmentRead();
        for (String s : Sources.SERVICES) {
            JsonNode c = m.container(s);
            Set<String> read = Sources.environmentRead(s);
            // Init containers (migrate-schema) run schema-migrations, not the service: they get only what it reads.
            for (JsonNode init : m.initContainers(s)) {
                for (String key : m.environment(init).keySet()) {
                    assertThat(migrationRead).as(overlay + " " + s + " init container " + init.path("name").asText() + " " + key
                            + " is read by " + Sources.MIGRATIONS + " (" + Sources.MIGRATIONS_SOURCES + ")").contains(key);
                }
            }
            for (var e : m.environment(c).entrySet()) {
                String key = e.getKey();
                String what = overlay + " " + s + " " + key;
                // Revocations are broadcast: every replica has its own consumer group (contract §6). No group override.
                assertThat(key).as(what + ": no consumer group id in the environment").doesNotContainIgnoringCase("GROUP");
                if (key.startsWith("ONECLOUD_")) {
                    assertThat(read).as(what + " is read by " + s + " (application.properties / shared libraries)").contains(key);
                } else if (key.startsWith("KAFKA_")) {
                    String setting = key.substring("KAFKA_".length()).toLowerCase().replace('_', '.');
                    assertThat(kafkaSettings).as(what + " names a Kafka client setting").contains(setting);
                } else {
                    assertThat(quarkusAllowed).as(what + " is a known setting").contains(key);
                }
            }
            // The port the service listens on is the one probed, exposed and routed.
            int port = Integer.parseInt(m.plainEnv(c, "QUARKUS_HTTP_PORT"));
            assertThat(list(c.path("ports")).get(0).path("containerPort").asInt()).as(s + " containerPort").isEqualTo(port);
            JsonNode svcPort = list(m.get("Service", s).path("spec").path("ports")).get(0);
            assertThat(svcPort.path("targetPort").asText()).isIn("http", String.valueOf(port));
            assertThat(list(c.path("ports")).get(0).path("name").asText()).isEqualTo("http");
            assertThat(Sources.read(s + "/src/main/docker/Dockerfile.jvm")).contains("EXPOSE " + port);
            assertThat(Sources.read(s + "/src/main/docker/Dockerfile.native")).contains("EXPOSE " + port);
            // Kafka: the TLS + SCRAM listener, with this service's KafkaUser and the cluster CA.
            JsonNode kafka = m.ofKind("Kafka").get(0);
            assertThat(m.plainEnv(c, "ONECLOUD_KAFKA_BOOTSTRAP_SERVERS"))
                    .isEqualTo(name(kafka) + "-kafka-bootstrap:" + m.kafkaClientListener().path("port").asInt());
            assertThat(m.plainEnv(c, "KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
            assertThat(m.plainEnv(c, "KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
            assertThat(m.secretRef(c, "KAFKA_SASL_JAAS_CONFIG")).containsExactly(s, "sasl.jaas.config");
            m.get("KafkaUser", s);
            assertThat(m.secretRef(c, "KAFKA_SSL_TRUSTSTORE_CERTIFICATES")).containsExactly(name(kafka) + "-cluster-ca-cert", "ca.crt");
        }
        // Services find auth-service through its Service.
        JsonNode authService = m.get("Service", "auth-service");
        String authUrl = "http://" + name(authService) + ":" + list(authService.path("spec").path("ports")).get(0).path("port").asInt();
        for (String s : List.of("ticket-service", "resource-service")) {
            assertThat(m.plainEnv(m.container(s), "ONECLOUD_AUTH_URL")).as(overlay + " " + s).isEqualTo(authUrl);
        }
        assertThat(Sources.read(Sources.SHARED_CONFIG[1]))
                .contains("quarkus.rest-client.auth-service.url=${onecloud.auth.url");

        // PostgreSQL: the CloudNativePG cluster's read-write service, its databases, roles and their Secrets.
        JsonNode pg = m.ofKind("Cluster").get(0);
        String rw = name(pg) + "-rw";
        JsonNode ticket = m.container("ticket-service");
        JsonNode auth = m.container("auth-service");
        JsonNode resource = m.container("resource-service");
        // The migrations (JDBC, the database owner) run in the init container migrate-schema of each pod.
        JsonNode ticketMigration = m.initContainers("ticket-service").get(0);
        JsonNode resourceMigration = m.initContainers("resource-service").get(0);
        String ticketDb = pg.path("spec").path("bootstrap").path("initdb").path("database").asText();
        assertThat(m.plainEnv(ticket, "ONECLOUD_DB_REACTIVE_URL")).isEqualTo("postgresql://" + rw + ":5432/" + ticketDb);
        assertThat(m.configMapEnv(ticketMigration, "ONECLOUD_DB_JDBC_URL")).isEqualTo("jdbc:postgresql://" + rw + ":5432/" + ticketDb);
        assertThat(m.plainEnv(auth, "ONECLOUD_AUTH_DB_URL")).as("auth-service reads the ticket database").isEqualTo(m.plainEnv(ticket, "ONECLOUD_DB_REACTIVE_URL"));
        // The database owners' Secrets go to the migrations; the services' own DML-only roles are checked in
        // DatabaseMigrationTest.theServicesConnectWithADmlOnlyRoleAndOnlyTheMigrationAsTheDatabaseOwner.
        assertThat(m.secretRef(ticketMigration, "ONECLOUD_DB_PASSWORD")[0]).isEqualTo(pg.path("spec").path("bootstrap").path("initdb").path("secret").path("name").asText());
        assertThat(m.secretRef(ticketMigration, "ONECLOUD_DB_USERNAME")).containsExactly(m.secretRef(ticketMigration, "ONECLOUD_DB_PASSWORD")[0], "username");
        String reader = m.plainEnv(auth, "ONECLOUD_AUTH_READER_USER");
        assertThat(m.configMapEnv(ticketMigration, "ONECLOUD_AUTH_READER_ROLE")).as("the role the ticket migration grants is the one auth-service uses")
                .isEqualTo(reader);
        assertThat(m.secretRef(ticketMigration, "ONECLOUD_AUTH_READER_PASSWORD")).containsExactly(m.secretRef(auth, "ONECLOUD_AUTH_READER_PASSWORD"));
        Map<String, String> roleSecrets = list(pg.path("spec").path("managed").path("roles")).stream()
                .collect(Collectors.toMap(r -> r.path("name").asText(), r -> r.path("passwordSecret").path("name").asText()));
        assertThat(roleSecrets.get(reader)).isEqualTo(m.secretRef(auth, "ONECLOUD_AUTH_READER_PASSWORD")[0]);
        JsonNode resourceDb = m.ofKind("Database").get(0);
        String resourceDbName = resourceDb.path("spec").path("name").asText();
        assertThat(resourceDb.path("spec").path("cluster").path("name").asText()).isEqualTo(name(pg));
        assertThat(m.plainEnv(resource, "ONECLOUD_DB_REACTIVE_URL")).isEqualTo("postgresql://" + rw + ":5432/" + resourceDbName);
        assertThat(m.configMapEnv(resourceMigration, "ONECLOUD_DB_JDBC_URL")).isEqualTo("jdbc:postgresql://" + rw + ":5432/" + resourceDbName);
        assertThat(roleSecrets.get(resourceDb.path("spec").path("owner").asText())).isEqualTo(m.secretRef(resourceMigration, "ONECLOUD_DB_PASSWORD")[0]);
        assertThat(m.secretRef(resourceMigration, "ONECLOUD_DB_USERNAME")).containsExactly(m.secretRef(resourceMigration, "ONECLOUD_DB_PASSWORD")[0], "username");
        // The bootstrap SUPERUSER credential comes from a Secret too.
        assertThat(m.secretRef(ticket, "ONECLOUD_BOOTSTRAP_TOKEN")[0]).isEqualTo(m.secretRef(ticket, "ONECLOUD_BOOTSTRAP_SECRET")[0]);
        assertThat(URI.create(authUrl).getPort()).isEqualTo(Integer.parseInt(m.plainEnv(auth, "QUARKUS_HTTP_PORT")));
    }

    @EachOverlay
    void everySecretTheManifestsNeedIsDocumented(String overlay) {
        Manifests m = Manifests.of(overlay);
        Set<String> generated = new HashSet<>();
        m.ofKind("KafkaUser").forEach(u -> generated.add(name(u)));
        generated.add(name(m.ofKind("Kafka").get(0)) + "-cluster-ca-cert");
        String docs = Sources.read("docs/deploy.md");
        for (JsonNode template : m.podTemplates()) {
            for (JsonNode c : allContainers(template)) {
                for (JsonNode e : list(c.path("env"))) {
                    String secret = e.path("valueFrom").path("secretKeyRef").path("name").asText(null);
                    if (secret != null && !generated.contains(secret)) {
                        assertThat(docs).as("docs/deploy.md tells how to create Secret " + secret).contains("create secret generic " + secret);
                    }
                }
            }
        }
        // CloudNativePG takes a role's password from its Secret, whose username must be the role's name.
        JsonNode pg = m.ofKind("Cluster").get(0);
        JsonNode initdb = pg.path("spec").path("bootstrap").path("initdb");
        Map<String, String> roleOfSecret = new HashMap<>();
        roleOfSecret.put(initdb.path("secret").path("name").asText(), initdb.path("owner").asText());
        managedRoles(pg).forEach((role, r) -> roleOfSecret.put(r.path("passwordSecret").path("name").asText(), role));
        roleOfSecret.forEach((secret, role) -> assertThat(docs).as("docs/deploy.md creates Secret " + secret + " with username " + role)
                .containsPattern("create secret generic " + Pattern.quote(secret) + " [^\\n]*\\\\\\n\\s*--from-literal=username="
                        + Pattern.quote(role) + "\\s"));
    }
}
