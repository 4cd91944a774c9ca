package com.onecloud.deploy;

import static com.onecloud.deploy.Manifests.labels;
import static com.onecloud.deploy.Manifests.list;
import static com.onecloud.deploy.Manifests.managedRoles;
import static com.onecloud.deploy.Manifests.name;
import static com.onecloud.deploy.Manifests.selects;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The database side of ticket- and resource-service: the init container migrate-schema runs schema-migrations before
 * the service starts, as the database owner, and the service itself connects with a DML-only role of its own.
 */
class DatabaseMigrationTest {

    /** The init container of ticket- and resource-service that migrates their database (schema-migrations). */
    private static final String MIGRATE_SCHEMA = "migrate-schema";
    /** The program's name, which its jar and image carry: the last segment of its module's directory. */
    static final String MIGRATIONS_PROGRAM = Path.of(Sources.MIGRATIONS).getFileName().toString();
    /** The schema (schema-migrations' argument) of each service that owns a database. */
    private static final Map<String, String> SCHEMA_OF = Map.of("ticket-service", "ticket", "resource-service", "resource");

    /**
     * ticket- and resource-service do not migrate their database themselves: the init container migrate-schema of each
     * pod runs schema-migrations with the service's schema before the service starts, with the database owner's
     * credentials, which the service does not get (it connects with a DML-only role: see
     * theServicesConnectWithADmlOnlyRoleAndOnlyTheMigrationAsTheDatabaseOwner); the service gets none of the
     * migration's settings.
     */
    @EachOverlay
    void theInitContainerMigrateSchemaMigratesTheDatabaseBeforeTheServiceStarts(String overlay) {
        Manifests m = Manifests.of(overlay);
        Set<String> schemas = Sources.migrationSchemas();
        Set<String> read = Sources.migrationEnvironmentRead();
        JsonNode pg = m.ofKind("Cluster").get(0);
        Map<String, String> pgPod = Map.of("cnpg.io/cluster", name(pg));
        for (var entry : SCHEMA_OF.entrySet()) {
            String s = entry.getKey();
            String what = overlay + " " + s + " " + MIGRATE_SCHEMA;
            List<JsonNode> inits = m.initContainers(s);
            assertThat(inits.stream().map(c -> c.path("name").asText())).as(overlay + " " + s + " init containers").containsExactly(MIGRATE_SCHEMA);
            JsonNode init = inits.get(0);
            JsonNode main = m.container(s);
            // A plain init container runs to completion before the service starts (restartPolicy: Always would make it a
            // sidecar that runs alongside).
            assertThat(init.path("restartPolicy").isMissingNode()).as(what + " restartPolicy").isTrue();
            // The schema-migrations image, next to the service's and of the same version (overlays' images:).
            String[] image = image(init);
            String[] serviceImage = image(main);
            assertThat(image[0]).as(what + " image").isEqualTo(serviceImage[0].substring(0, serviceImage[0].lastIndexOf('/') + 1) + MIGRATIONS_PROGRAM);
            if (serviceImage[1].startsWith("@")) {
                assertThat(image[1]).as(what + " image pinned by digest like the service's").startsWith("@");
            } else {
                assertThat(image[1]).as(what + " image tag (the overlay's images: lists it)").isEqualTo(serviceImage[1]);
            }
            // The image's entrypoint runs the program; the argument is the schema.
            assertThat(list(init.path("command"))).as(what + " command").isEmpty();
            assertThat(list(init.path("args")).stream().map(JsonNode::asText)).as(what + " args").containsExactly(entry.getValue());
            assertThat(schemas).as("the schemas " + Sources.MIGRATIONS + " knows").contains(entry.getValue());
            assertThat(list(init.path("ports"))).as(what + " ports").isEmpty();
            // The JDBC URL from a ConfigMap, the credentials from Secrets, nothing inline.
            for (JsonNode e : list(init.path("env"))) {
                assertThat(e.has("value")).as(what + " env " + e.path("name").asText() + " is not inline").isFalse();
            }
            String jdbcUrl = m.configMapEnv(init, "ONECLOUD_DB_JDBC_URL");
            assertThat(jdbcUrl).as(what + ": the service's database").isEqualTo("jdbc:" + m.plainEnv(main, "ONECLOUD_DB_REACTIVE_URL"));
            // The migration logs in as the database owner, the service does not: different Secrets.
            String ownerSecret = m.secretRef(init, "ONECLOUD_DB_PASSWORD")[0];
            assertThat(m.secretRef(init, "ONECLOUD_DB_PASSWORD")).as(what + " ONECLOUD_DB_PASSWORD").containsExactly(ownerSecret, "password");
            assertThat(m.secretRef(init, "ONECLOUD_DB_USERNAME")).as(what + " ONECLOUD_DB_USERNAME").containsExactly(ownerSecret, "username");
            assertThat(m.secretRef(main, "ONECLOUD_DB_PASSWORD")[0]).as(overlay + " " + s + ": not the migration's (owner's) Secret").isNotEqualTo(ownerSecret);
            assertThat(read).as("what " + Sources.MIGRATIONS + " reads").contains("ONECLOUD_DB_JDBC_URL", "ONECLOUD_DB_USERNAME", "ONECLOUD_DB_PASSWORD",
                    "ONECLOUD_DB_SERVICE_ROLE", "ONECLOUD_DB_SERVICE_PASSWORD");
            // The service gets none of the migration's settings.
            assertThat(m.environment(main)).as(overlay + " " + s + ": its migration's settings go to " + MIGRATE_SCHEMA + " only")
                    .doesNotContainKeys("ONECLOUD_DB_JDBC_URL", "ONECLOUD_AUTH_READER_PASSWORD", "ONECLOUD_AUTH_READER_ROLE",
                            "ONECLOUD_DB_SERVICE_ROLE", "ONECLOUD_DB_SERVICE_PASSWORD");
            // Same pod, same NetworkPolicies: the pod's egress to PostgreSQL (and PostgreSQL's ingress) serve it.
            int port = URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
            Map<String, String> podLabels = labels(m.get("Deployment", s).path("spec").path("template").path("metadata").path("labels"));
            assertThat(m.ofKind("NetworkPolicy").stream().filter(p -> selects(p.path("spec").path("podSelector"), podLabels))
                    .flatMap(p -> list(p.path("spec").path("egress")).stream())
                    .anyMatch(rule -> list(rule.path("to")).stream().anyMatch(peer -> !peer.has("namespaceSelector") && selects(peer.path("podSelector"), pgPod))
                            && list(rule.path("ports")).stream().anyMatch(p -> p.path("port").asInt() == port)))
                    .as(what + ": a NetworkPolicy lets the pod reach PostgreSQL on " + port).isTrue();
            assertThat(list(m.get("NetworkPolicy", "onecloud-pg").path("spec").path("ingress")).stream()
                    .anyMatch(rule -> list(rule.path("from")).stream().anyMatch(peer -> !peer.has("namespaceSelector") && selects(peer.path("podSelector"), podLabels))
                            && list(rule.path("ports")).stream().anyMatch(p -> p.path("port").asInt() == port)))
                    .as(what + ": PostgreSQL accepts the pod on " + port).isTrue();
        }
        // Only the ticket migration handles auth-service's read-only role (its role and password are checked against
        // auth-service's in SecretsAndConfigTest.theEnvironmentIsWhatTheServicesRead).
        assertThat(m.secretRef(m.initContainers("ticket-service").get(0), "ONECLOUD_AUTH_READER_PASSWORD")[0]).isNotBlank();
        assertThat(m.environment(m.initContainers("resource-service").get(0))).doesNotContainKeys("ONECLOUD_AUTH_READER_PASSWORD", "ONECLOUD_AUTH_READER_ROLE");
        // auth-service owns no schema (it reads the view the ticket migration makes).
        assertThat(m.initContainers("auth-service")).as(overlay + " auth-service init containers").isEmpty();
    }

    /**
     * ticket- and resource-service connect with a login role of their own that is not their database's owner: a
     * CloudNativePG managed role with no rights of its own (the migration grants it DML on the tables), which the init
     * container migrate-schema names (ONECLOUD_DB_SERVICE_ROLE) and gets the password of. Only migrate-schema gets the
     * owner's credentials.
     */
    @EachOverlay
    void theServicesConnectWithADmlOnlyRoleAndOnlyTheMigrationAsTheDatabaseOwner(String overlay) {
        Manifests m = Manifests.of(overlay);
        Map<String, JsonNode> roles = managedRoles(m.ofKind("Cluster").get(0));
        Set<String> serviceRoles = new HashSet<>();
        for (String s : SCHEMA_OF.keySet()) {
            String what = overlay + " " + s;
            String init = what + " " + MIGRATE_SCHEMA;
            JsonNode main = m.container(s);
            JsonNode migration = m.initContainers(s).get(0);
            String[] owner = databaseOwner(m, s);
            assertThat(owner[0]).as(what + ": its database's owner").isNotBlank();
            assertThat(owner[1]).as(what + ": its database owner's Secret").isNotBlank();
            // The service: username and password from one Secret, the password Secret of a managed role.
            String secret = m.secretRef(main, "ONECLOUD_DB_PASSWORD")[0];
            assertThat(m.secretRef(main, "ONECLOUD_DB_PASSWORD")).as(what + " ONECLOUD_DB_PASSWORD").containsExactly(secret, "password");
            assertThat(m.secretRef(main, "ONECLOUD_DB_USERNAME")).as(what + " ONECLOUD_DB_USERNAME").containsExactly(secret, "username");
            List<String> ofSecret = roles.values().stream().filter(r -> secret.equals(r.path("passwordSecret").path("name").asText()))
                    .map(r -> r.path("name").asText()).collect(Collectors.toList());
            assertThat(ofSecret).as(what + ": its Secret " + secret + " is the password Secret of one CloudNativePG managed role").hasSize(1);
            String role = ofSecret.get(0);
            assertThat(role).as(what + ": its role is not the database owner").isNotEqualTo(owner[0]);
            assertThat(secret).as(what + ": its Secret is not the database owner's").isNotEqualTo(owner[1]);
            serviceRoles.add(role);
            // A plain login: it cannot create roles or databases, and does not inherit the owner's rights.
            JsonNode r = roles.get(role);
            assertThat(r.path("login").asBoolean(false)).as(what + " role " + role + " login").isTrue();
            assertThat(r.path("ensure").asText("present")).as(what + " role " + role + " ensure").isEqualTo("present");
            for (String attribute : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
                assertThat(r.path(attribute).asBoolean(false)).as(what + " role " + role + " " + attribute).isFalse();
            }
            assertThat(list(r.path("inRoles")).stream().map(JsonNode::asText)).as(what + " role " + role + " is no member of the owner")
                    .doesNotContain(owner[0]);
            // The migration grants that role (by name) and sets its password where it creates it; it logs in as the owner.
            assertThat(m.configMapEnv(migration, "ONECLOUD_DB_SERVICE_ROLE")).as(init + " ONECLOUD_DB_SERVICE_ROLE: the service's role").isEqualTo(role);
            assertThat(m.secretRef(migration, "ONECLOUD_DB_SERVICE_PASSWORD")).as(init + " ONECLOUD_DB_SERVICE_PASSWORD: the service's Secret")
                    .containsExactly(m.secretRef(main, "ONECLOUD_DB_PASSWORD"));
            assertThat(m.secretRef(migration, "ONECLOUD_DB_USERNAME")).as(init + " ONECLOUD_DB_USERNAME: the owner's").containsExactly(owner[1], "username");
            assertThat(m.secretRef(migration, "ONECLOUD_DB_PASSWORD")).as(init + " ONECLOUD_DB_PASSWORD: the owner's").containsExactly(owner[1], "password");
            // The service gets nothing of the owner's Secret.
            for (JsonNode e : list(main.path("env"))) {
                assertThat(e.path("valueFrom").path("secretKeyRef").path("name").asText()).as(what + " env " + e.path("name").asText()
                        + ": not from the database owner's Secret").isNotEqualTo(owner[1]);
            }
        }
        // A role for each service, and neither is auth-service's read-only role.
        assertThat(serviceRoles).as(overlay + ": a role of its own for each service").hasSize(SCHEMA_OF.size())
                .doesNotContain(m.plainEnv(m.container("auth-service"), "ONECLOUD_AUTH_READER_USER"));
    }

    /** An image reference split into repository and version: the tag, or the digest with its {@code @}. */
    private static String[] image(JsonNode container) {
        String image = container.path("image").asText();
        int at = image.indexOf('@');
        if (at >= 0) {
            return new String[] { image.substring(0, at), image.substring(at) };
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? new String[] { image.substring(0, colon), image.substring(colon + 1) }
                : new String[] { image, "latest" };
    }

    /**
     * The owner of the database a service uses (the path of its ONECLOUD_DB_REACTIVE_URL) and the owner's Secret: for the
     * cluster's initdb database spec.bootstrap.initdb's owner and secret, for a {@code Database} object its spec.owner
     * and that managed role's passwordSecret.
     */
    private static String[] databaseOwner(Manifests m, String service) {
        JsonNode pg = m.ofKind("Cluster").get(0);
        String db = URI.create(m.plainEnv(m.container(service), "ONECLOUD_DB_REACTIVE_URL")).getPath().substring(1);
        JsonNode initdb = pg.path("spec").path("bootstrap").path("initdb");
        if (db.equals(initdb.path("database").asText())) {
            return new String[] { initdb.path("owner").asText(), initdb.path("secret").path("name").asText() };
        }
        JsonNode database = m.ofKind("Database").stream().filter(d -> db.equals(d.path("spec").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(m.overlay + ": no CloudNativePG Database " + db + " (" + service + ")"));
        String owner = database.path("spec").path("owner").asText();
        JsonNode role = managedRoles(pg).get(owner);
        assertThat(role).as(m.overlay + ": the owner " + owner + " of database " + db + " is a managed role").isNotNull();
        return new String[] { owner, role.path("passwordSecret").path("name").asText() };
    }
}
