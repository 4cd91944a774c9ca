package com.onecloud.deploy;

import static com.onecloud.deploy.Manifests.labels;
import static com.onecloud.deploy.Manifests.list;
import static com.onecloud.deploy.Manifests.name;
import static com.onecloud.deploy.Manifests.selects;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders {@code deploy/overlays/dev} and {@code deploy/overlays/prod} with {@code kubectl kustomize} and checks the
 * rendered objects against the rules of docs/deploy.md and against what the services read (their sources).
 */
class RenderedManifestsTest {

    /** Names of variables whose value is a credential: they must come from a Secret. */
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|JAAS|CREDENTIAL|PRIVATE|API_?KEY|CERTIFICATES|KEYSTORE).*");
    /** Values that look like a credential wherever they appear inline. */
    private static final Pattern CREDENTIAL_VALUE = Pattern.compile(
            "(?is).*(oc_[A-Za-z0-9]{8,}|password\\s*=|BEGIN [A-Z ]*PRIVATE KEY|://[^/\\s:@]+:[^/\\s@]+@|^[A-Za-z0-9]{40}$).*");

    private static List<JsonNode> serviceDeployments(Manifests m) {
        List<JsonNode> list = new ArrayList<>();
        for (String s : Sources.SERVICES) {
            list.add(m.get("Deployment", s));
        }
        return list;
    }

    /** The init container of ticket- and resource-service that migrates their database (schema-migrations). */
    private static final String MIGRATE_SCHEMA = "migrate-schema";
    /** The program's name, which its jar and image carry: the last segment of its module's directory. */
    private static final String MIGRATIONS_PROGRAM = Path.of(Sources.MIGRATIONS).getFileName().toString();
    /** The schema (schema-migrations' argument) of each service that owns a database. */
    private static final Map<String, String> SCHEMA_OF = Map.of("ticket-service", "ticket", "resource-service", "resource");

    private static JsonNode container(Manifests m, String service) {
        return list(m.get("Deployment", service).path("spec").path("template").path("spec").path("containers")).get(0);
    }

    private static List<JsonNode> initContainers(Manifests m, String service) {
        return list(m.get("Deployment", service).path("spec").path("template").path("spec").path("initContainers"));
    }

    /** The containers of a pod template, init containers included. */
    private static List<JsonNode> allContainers(JsonNode template) {
        List<JsonNode> containers = new ArrayList<>(list(template.path("spec").path("containers")));
        containers.addAll(list(template.path("spec").path("initContainers")));
        return containers;
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

    /** Every object that carries a pod template (Deployment, StatefulSet, DaemonSet, Job; CronJob one level down). */
    private static List<JsonNode> podTemplates(Manifests m) {
        List<JsonNode> templates = new ArrayList<>();
        for (JsonNode o : m.objects) {
            JsonNode t = o.path("spec").path("template");
            if (!t.path("spec").path("containers").isMissingNode()) {
                templates.add(t);
            }
            JsonNode cj = o.path("spec").path("jobTemplate").path("spec").path("template");
            if (!cj.isMissingNode()) {
                templates.add(cj);
            }
        }
        return templates;
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void rendersEveryPartOfThePlatform(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String s : Sources.SERVICES) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget")) {
                m.get(kind, s);
            }
            m.get("ConfigMap", s + "-config");
        }
        assertThat(m.ofKind("Ingress")).hasSize(1);
        assertThat(m.ofKind("Kafka")).hasSize(1);
        assertThat(m.ofKind("Cluster")).hasSize(1);
        assertThat(m.ofKind("Secret")).as("no Secret is committed: they are created with kubectl (docs/deploy.md)").isEmpty();
        assertThat(m.ofKind("Namespace")).hasSize(1);
        String ns = name(m.ofKind("Namespace").get(0));
        for (JsonNode o : m.objects) {
            if (!"Namespace".equals(o.path("kind").asText())) {
                assertThat(o.path("metadata").path("namespace").asText()).as(o.path("kind").asText() + " " + name(o)).isEqualTo(ns);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyContainerHasProbesResourcesAndARestrictedSecurityContext(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<JsonNode> templates = podTemplates(m);
        assertThat(templates).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode template : templates) {
            JsonNode pod = template.path("spec");
            JsonNode podSc = pod.path("securityContext");
            List<JsonNode> containers = new ArrayList<>(list(pod.path("containers")));
            containers.addAll(list(pod.path("initContainers")));
            for (JsonNode c : containers) {
                String what = overlay + " container " + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                boolean init = list(pod.path("initContainers")).contains(c);
                if (!init) {
                    assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).as(what + " liveness").isEqualTo("/q/health/live");
                    assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).as(what + " readiness").isEqualTo("/q/health/ready");
                    assertThat(c.path("startupProbe").path("httpGet").path("path").asText()).as(what + " startup").isEqualTo("/q/health/started");
                }
                for (String kind : List.of("requests", "limits")) {
                    for (String res : List.of("cpu", "memory")) {
                        assertThat(c.path("resources").path(kind).path(res).asText()).as(what + " " + kind + "." + res).isNotBlank();
                    }
                }
                boolean nonRoot = sc.path("runAsNonRoot").asBoolean(podSc.path("runAsNonRoot").asBoolean(false));
                assertThat(nonRoot).as(what + " runAsNonRoot").isTrue();
                assertThat(sc.path("runAsUser").asInt(podSc.path("runAsUser").asInt(1))).as(what + " runAsUser").isNotZero();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean(false)).as(what + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(what + " allowPrivilegeEscalation").isFalse();
                assertThat(sc.path("privileged").asBoolean(false)).as(what + " privileged").isFalse();
                assertThat(list(sc.path("capabilities").path("drop")).stream().map(JsonNode::asText)).as(what + " capabilities.drop").contains("ALL");
                assertThat(list(sc.path("capabilities").path("add"))).as(what + " capabilities.add").isEmpty();
                String seccomp = sc.path("seccompProfile").path("type").asText(podSc.path("seccompProfile").path("type").asText());
                assertThat(seccomp).as(what + " seccompProfile").isIn("RuntimeDefault", "Localhost");
                // A read-only root filesystem needs a writable /tmp (the JVM, Vert.x' file cache).
                JsonNode tmp = list(c.path("volumeMounts")).stream().filter(v -> "/tmp".equals(v.path("mountPath").asText())).findFirst()
                        .orElseThrow(() -> new AssertionError(what + " has no /tmp mount"));
                assertThat(list(pod.path("volumes")).stream().filter(v -> v.path("name").asText().equals(tmp.path("name").asText()))
                        .anyMatch(v -> v.has("emptyDir"))).as(what + " /tmp is an emptyDir").isTrue();
            }
            assertThat(pod.path("hostNetwork").asBoolean(false)).isFalse();
            assertThat(pod.path("hostPID").asBoolean(false)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void rolloutsKeepCapacityAndShutDownGracefully(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (JsonNode d : serviceDeployments(m)) {
            String what = overlay + " " + name(d);
            assertThat(d.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable").asText()).as(what + " maxUnavailable").isEqualTo("0");
            JsonNode pod = d.path("spec").path("template").path("spec");
            JsonNode c = list(pod.path("containers")).get(0);
            Duration shutdown = Duration.parse("PT" + m.plainEnv(c, "QUARKUS_SHUTDOWN_TIMEOUT").toUpperCase());
            long preStop = c.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(0);
            long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
            assertThat(shutdown.toSeconds()).as(what + " QUARKUS_SHUTDOWN_TIMEOUT").isPositive();
            assertThat(preStop + shutdown.toSeconds()).as(what + ": preStop sleep + shutdown timeout < terminationGracePeriodSeconds")
                    .isLessThan(grace);
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(what + " automountServiceAccountToken").isFalse();
            assertThat(pod.path("serviceAccountName").asText()).isEqualTo(name(d));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void noCredentialIsInline(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (JsonNode template : podTemplates(m)) {
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

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyServiceHasANetworkPolicyForItsPods(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<JsonNode> policies = m.ofKind("NetworkPolicy");
        // Default deny: a policy selecting every pod with no ingress rule.
        assertThat(policies).as(overlay + " default-deny ingress").anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && list(p.path("spec").path("policyTypes")).stream().anyMatch(t -> t.asText().equals("Ingress"))
                && list(p.path("spec").path("ingress")).isEmpty());
        for (JsonNode service : m.ofKind("Service")) {
            JsonNode selector = service.path("spec").path("selector");
            List<JsonNode> backing = m.ofKind("Deployment").stream()
                    .filter(d -> labels(d.path("spec").path("template").path("metadata").path("labels")).entrySet()
                            .containsAll(labels(selector).entrySet()))
                    .collect(Collectors.toList());
            assertThat(backing).as(overlay + " Service " + name(service) + " selects a Deployment").hasSize(1);
            Map<String, String> podLabels = labels(backing.get(0).path("spec").path("template").path("metadata").path("labels"));
            List<JsonNode> selecting = policies.stream()
                    .filter(p -> !p.path("spec").path("podSelector").isEmpty())
                    .filter(p -> selects(p.path("spec").path("podSelector"), podLabels))
                    .filter(p -> !list(p.path("spec").path("ingress")).isEmpty())
                    .collect(Collectors.toList());
            assertThat(selecting).as(overlay + ": a NetworkPolicy allowing ingress to the pods of Service " + name(service)).isNotEmpty();
            // Every allowed port is one the Service's pods listen on.
            Set<Integer> ports = list(list(backing.get(0).path("spec").path("template").path("spec").path("containers")).get(0).path("ports"))
                    .stream().map(p -> p.path("containerPort").asInt()).collect(Collectors.toSet());
            for (JsonNode p : selecting) {
                for (JsonNode rule : list(p.path("spec").path("ingress"))) {
                    assertThat(list(rule.path("ports"))).as(name(p) + " names its ports").isNotEmpty();
                    list(rule.path("ports")).forEach(port -> assertThat(ports).contains(port.path("port").asInt()));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void onlyTheIngressReachesThePublicApisAndOnlyTheServicesReachAuthService(String overlay) {
        Manifests m = Manifests.of(overlay);
        JsonNode authPolicy = m.get("NetworkPolicy", "auth-service");
        Set<String> authPeers = new HashSet<>();
        for (JsonNode rule : list(authPolicy.path("spec").path("ingress"))) {
            for (JsonNode peer : list(rule.path("from"))) {
                assertThat(peer.has("namespaceSelector") || peer.has("ipBlock")).as("auth-service: peers of its own namespace only").isFalse();
                authPeers.add(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
            }
        }
        assertThat(authPeers).containsExactlyInAnyOrder("ticket-service", "resource-service");
        // No other policy lets anything into auth-service.
        Map<String, String> authPod = labels(m.get("Deployment", "auth-service").path("spec").path("template").path("metadata").path("labels"));
        assertThat(m.ofKind("NetworkPolicy").stream().filter(p -> selects(p.path("spec").path("podSelector"), authPod))
                .filter(p -> !list(p.path("spec").path("ingress")).isEmpty()).map(Manifests::name)).containsExactly("auth-service");
        for (String pub : List.of("ticket-service", "resource-service")) {
            for (JsonNode rule : list(m.get("NetworkPolicy", pub).path("spec").path("ingress"))) {
                for (JsonNode peer : list(rule.path("from"))) {
                    assertThat(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText())
                            .as(pub + " is reached from the ingress controller only").isEqualTo("ingress-nginx");
                }
            }
        }
        // PostgreSQL and Kafka: the services (and the database's own instances / its operator) only.
        Set<String> services = Set.of(Sources.SERVICES);
        for (JsonNode p : List.of(m.get("NetworkPolicy", "onecloud-pg"), m.get("NetworkPolicy", "onecloud-kafka-clients"))) {
            for (JsonNode rule : list(p.path("spec").path("ingress"))) {
                for (JsonNode peer : list(rule.path("from"))) {
                    JsonNode ps = peer.path("podSelector");
                    boolean servicesOnly = !peer.has("namespaceSelector") && services.stream().allMatch(s -> selects(ps, Map.of("app.kubernetes.io/name", s)))
                            && !selects(ps, Map.of("app.kubernetes.io/name", "other"));
                    boolean ownPods = !peer.has("namespaceSelector") && !ps.path("matchLabels").path("cnpg.io/cluster").isMissingNode();
                    boolean operator = "cnpg-system".equals(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText());
                    assertThat(servicesOnly || ownPods || operator).as(name(p) + " peer " + peer).isTrue();
                }
            }
        }
        JsonNode listener = kafkaClientListener(m);
        assertThat(list(listener.path("networkPolicyPeers"))).isNotEmpty().allMatch(peer ->
                services.stream().allMatch(s -> selects(peer.path("podSelector"), Map.of("app.kubernetes.io/name", s)))
                        && !selects(peer.path("podSelector"), Map.of("app.kubernetes.io/name", "other")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theIngressRoutesTheTicketPathsToTicketServiceTheRestToResourceServiceAndNothingToAuthService(String overlay) {
        Manifests m = Manifests.of(overlay);
        JsonNode ingress = m.ofKind("Ingress").get(0);
        assertThat(ingress.path("spec").path("defaultBackend").isMissingNode()).isTrue();
        List<String[]> routes = new ArrayList<>();
        for (JsonNode rule : list(ingress.path("spec").path("rules"))) {
            for (JsonNode path : list(rule.path("http").path("paths"))) {
                String backend = path.path("backend").path("service").path("name").asText();
                assertThat(backend).as(overlay + " ingress path " + path.path("path").asText()).isNotEqualTo("auth-service").isIn("ticket-service", "resource-service");
                routes.add(new String[] { path.path("path").asText(), backend });
            }
        }
        boolean regex = "true".equals(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/use-regex").asText());
        assertThat(regex).as("ingress-nginx use-regex (the organization id is a path segment)").isTrue();
        Map<String, String> expected = Map.ofEntries(
                Map.entry("/api/admin/v1/organizations/org-1/tickets", "ticket-service"),
                Map.entry("/api/admin/v1/organizations/a1B2/tickets/t1/rotation", "ticket-service"),
                Map.entry("/api/admin/v1/tickets", "ticket-service"),
                Map.entry("/api/admin/v1/tickets/t1", "ticket-service"),
                Map.entry("/api/user/v1/tickets", "ticket-service"),
                Map.entry("/api/user/v1/tickets/t1", "ticket-service"),
                Map.entry("/api/admin/v1/organizations", "resource-service"),
                Map.entry("/api/admin/v1/organizations/org-1", "resource-service"),
                Map.entry("/api/admin/v1/organizations/org-1/users/u1", "resource-service"),
                Map.entry("/api/admin/v1/organizations/org-1/ticketsx", "resource-service"),
                Map.entry("/api/user/v1/contacts", "resource-service"),
                Map.entry("/api/internal/v1/decisions", "resource-service"));
        for (var e : expected.entrySet()) {
            assertThat(routeNginx(routes, e.getKey())).as(overlay + " " + e.getKey()).isEqualTo(e.getValue());
        }
        for (String internal : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/")) {
            assertThat(routeNginx(routes, internal)).as(overlay + " " + internal + " is not exposed").isNull();
        }
    }

    /**
     * ingress-nginx with use-regex: every path is a case-insensitive regex anchored at the start ({@code location ~*}),
     * tried longest first; the first that matches wins.
     */
    private static String routeNginx(List<String[]> routes, String path) {
        return routes.stream().sorted((a, b) -> Integer.compare(b[0].length(), a[0].length()))
                .filter(r -> Pattern.compile("^" + r[0], Pattern.CASE_INSENSITIVE).matcher(path).find())
                .map(r -> r[1]).findFirst().orElse(null);
    }

    private static JsonNode kafkaClientListener(Manifests m) {
        JsonNode kafka = m.ofKind("Kafka").get(0);
        return list(kafka.path("spec").path("kafka").path("listeners")).stream()
                .filter(l -> l.path("tls").asBoolean() && "scram-sha-512".equals(l.path("authentication").path("type").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no TLS + SCRAM-SHA-512 listener"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void topicsAndUsersMatchTheServicesAndGrantTheLeastPrivilege(String overlay) {
        Manifests m = Manifests.of(overlay);
        String ticketEvents = Sources.ticketEventsTopic();
        String directoryEvents = Sources.directoryEventsTopic();
        assertThat(ticketEvents).isEqualTo("ticket-events");
        assertThat(directoryEvents).isEqualTo("directory-events");
        assertThat(Sources.authRevocationTopic()).isEqualTo(ticketEvents);
        String cluster = name(m.ofKind("Kafka").get(0));
        assertThat(m.ofKind("KafkaTopic").stream().map(t -> t.path("spec").path("topicName").asText(name(t))))
                .containsExactlyInAnyOrder(ticketEvents, directoryEvents);
        for (JsonNode o : m.objects) {
            if (List.of("KafkaTopic", "KafkaUser", "KafkaNodePool").contains(o.path("kind").asText())) {
                assertThat(o.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(name(o)).isEqualTo(cluster);
            }
        }
        JsonNode kafka = m.ofKind("Kafka").get(0);
        assertThat(kafka.path("spec").path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asText()).isEqualTo("false");

        // What each service needs (from the sources); anything else is too much.
        Map<String, Set<String>> expected = Map.of(
                "ticket-service", Set.of(
                        "topic literal " + ticketEvents + " Write", "topic literal " + ticketEvents + " Read",
                        "topic literal " + ticketEvents + " Describe",
                        "group prefix " + Sources.decisionCacheGroupPrefix("ticket-service") + " Read",
                        "topic literal " + directoryEvents + " Read", "topic literal " + directoryEvents + " Describe",
                        "group literal " + Sources.directoryGroup() + " Read"),
                "resource-service", Set.of(
                        "topic literal " + directoryEvents + " Write", "topic literal " + directoryEvents + " Describe",
                        "topic literal " + ticketEvents + " Read", "topic literal " + ticketEvents + " Describe",
                        "group prefix " + Sources.decisionCacheGroupPrefix("resource-service") + " Read"),
                "auth-service", Set.of(
                        "topic literal " + ticketEvents + " Read", "topic literal " + ticketEvents + " Describe",
                        "group prefix " + Sources.authRevocationGroupPrefix() + " Read"));
        assertThat(m.ofKind("KafkaUser").stream().map(Manifests::name)).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (JsonNode user : m.ofKind("KafkaUser")) {
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            Set<String> granted = new HashSet<>();
            for (JsonNode acl : list(user.path("spec").path("authorization").path("acls"))) {
                JsonNode r = acl.path("resource");
                assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
                assertThat(r.path("type").asText()).as(name(user) + " ACL resource type").isIn("topic", "group");
                if ("topic".equals(r.path("type").asText())) {
                    assertThat(r.path("name").asText()).as(name(user) + " ACL topic").isIn(ticketEvents, directoryEvents);
                }
                for (JsonNode op : list(acl.path("operations"))) {
                    granted.add(r.path("type").asText() + " " + r.path("patternType").asText("literal") + " " + r.path("name").asText() + " " + op.asText());
                }
            }
            assertThat(granted).as(overlay + " KafkaUser " + name(user)).containsExactlyInAnyOrderElementsOf(expected.get(name(user)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theEnvironmentIsWhatTheServicesRead(String overlay) throws Exception {
        Manifests m = Manifests.of(overlay);
        Set<String> kafkaSettings = new HashSet<>(ProducerConfig.configNames());
        kafkaSettings.addAll(ConsumerConfig.configNames());
        Set<String> quarkusAllowed = Set.of("QUARKUS_HTTP_PORT", "QUARKUS_SHUTDOWN_TIMEOUT");
        Set<String> migrationRead = Sources.migrationEnvironmentRead();
        for (String s : Sources.SERVICES) {
            JsonNode c = container(m, s);
            Set<String> read = Sources.environmentRead(s);
            // Init containers (migrate-schema) run schema-migrations, not the service: they get only what it reads.
            for (JsonNode init : initContainers(m, s)) {
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
                    assertThat(read).as(what + " is read by " + s + " (application.properties / api-edge)").contains(key);
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
                    .isEqualTo(name(kafka) + "-kafka-bootstrap:" + kafkaClientListener(m).path("port").asInt());
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
            assertThat(m.plainEnv(container(m, s), "ONECLOUD_AUTH_URL")).as(overlay + " " + s).isEqualTo(authUrl);
        }
        assertThat(Sources.read("libs/api-edge/src/main/resources/META-INF/microprofile-config.properties"))
                .contains("quarkus.rest-client.auth-service.url=${onecloud.auth.url");

        // PostgreSQL: the CloudNativePG cluster's read-write service, its databases, roles and their Secrets.
        JsonNode pg = m.ofKind("Cluster").get(0);
        String rw = name(pg) + "-rw";
        JsonNode ticket = container(m, "ticket-service");
        JsonNode auth = container(m, "auth-service");
        JsonNode resource = container(m, "resource-service");
        // The migrations (JDBC, the database owner) run in the init container migrate-schema of each pod.
        JsonNode ticketMigration = initContainers(m, "ticket-service").get(0);
        JsonNode resourceMigration = initContainers(m, "resource-service").get(0);
        String ticketDb = pg.path("spec").path("bootstrap").path("initdb").path("database").asText();
        assertThat(m.plainEnv(ticket, "ONECLOUD_DB_REACTIVE_URL")).isEqualTo("postgresql://" + rw + ":5432/" + ticketDb);
        assertThat(m.configMapEnv(ticketMigration, "ONECLOUD_DB_JDBC_URL")).isEqualTo("jdbc:postgresql://" + rw + ":5432/" + ticketDb);
        assertThat(m.plainEnv(auth, "ONECLOUD_AUTH_DB_URL")).as("auth-service reads the ticket database").isEqualTo(m.plainEnv(ticket, "ONECLOUD_DB_REACTIVE_URL"));
        // The database owners' Secrets go to the migrations; the services' own DML-only roles are checked in
        // theServicesConnectWithADmlOnlyRoleAndOnlyTheMigrationAsTheDatabaseOwner.
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

    /**
     * ticket- and resource-service do not migrate their database themselves: the init container migrate-schema of each
     * pod runs schema-migrations with the service's schema before the service starts, with the database owner's
     * credentials, which the service does not get (it connects with a DML-only role: see
     * theServicesConnectWithADmlOnlyRoleAndOnlyTheMigrationAsTheDatabaseOwner); the service gets none of the
     * migration's settings.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theInitContainerMigrateSchemaMigratesTheDatabaseBeforeTheServiceStarts(String overlay) {
        Manifests m = Manifests.of(overlay);
        Set<String> schemas = Sources.migrationSchemas();
        Set<String> read = Sources.migrationEnvironmentRead();
        JsonNode pg = m.ofKind("Cluster").get(0);
        Map<String, String> pgPod = Map.of("cnpg.io/cluster", name(pg));
        for (var entry : SCHEMA_OF.entrySet()) {
            String s = entry.getKey();
            String what = overlay + " " + s + " " + MIGRATE_SCHEMA;
            List<JsonNode> inits = initContainers(m, s);
            assertThat(inits.stream().map(c -> c.path("name").asText())).as(overlay + " " + s + " init containers").containsExactly(MIGRATE_SCHEMA);
            JsonNode init = inits.get(0);
            JsonNode main = container(m, s);
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
        // auth-service's in theEnvironmentIsWhatTheServicesRead).
        assertThat(m.secretRef(initContainers(m, "ticket-service").get(0), "ONECLOUD_AUTH_READER_PASSWORD")[0]).isNotBlank();
        assertThat(m.environment(initContainers(m, "resource-service").get(0))).doesNotContainKeys("ONECLOUD_AUTH_READER_PASSWORD", "ONECLOUD_AUTH_READER_ROLE");
        // auth-service owns no schema (it reads the view the ticket migration makes).
        assertThat(initContainers(m, "auth-service")).as(overlay + " auth-service init containers").isEmpty();
    }

    /** The CloudNativePG cluster's managed roles, by name. */
    private static Map<String, JsonNode> managedRoles(JsonNode cluster) {
        return list(cluster.path("spec").path("managed").path("roles")).stream()
                .collect(Collectors.toMap(r -> r.path("name").asText(), r -> r));
    }

    /**
     * The owner of the database a service uses (the path of its ONECLOUD_DB_REACTIVE_URL) and the owner's Secret: for the
     * cluster's initdb database spec.bootstrap.initdb's owner and secret, for a {@code Database} object its spec.owner
     * and that managed role's passwordSecret.
     */
    private static String[] databaseOwner(Manifests m, String service) {
        JsonNode pg = m.ofKind("Cluster").get(0);
        String db = URI.create(m.plainEnv(container(m, service), "ONECLOUD_DB_REACTIVE_URL")).getPath().substring(1);
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

    /**
     * ticket- and resource-service connect with a login role of their own that is not their database's owner: a
     * CloudNativePG managed role with no rights of its own (the migration grants it DML on the tables), which the init
     * container migrate-schema names (ONECLOUD_DB_SERVICE_ROLE) and gets the password of. Only migrate-schema gets the
     * owner's credentials.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theServicesConnectWithADmlOnlyRoleAndOnlyTheMigrationAsTheDatabaseOwner(String overlay) {
        Manifests m = Manifests.of(overlay);
        Map<String, JsonNode> roles = managedRoles(m.ofKind("Cluster").get(0));
        Set<String> serviceRoles = new HashSet<>();
        for (String s : SCHEMA_OF.keySet()) {
            String what = overlay + " " + s;
            String init = what + " " + MIGRATE_SCHEMA;
            JsonNode main = container(m, s);
            JsonNode migration = initContainers(m, s).get(0);
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
                .doesNotContain(m.plainEnv(container(m, "auth-service"), "ONECLOUD_AUTH_READER_USER"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everySecretTheManifestsNeedIsDocumented(String overlay) {
        Manifests m = Manifests.of(overlay);
        Set<String> generated = new HashSet<>();
        m.ofKind("KafkaUser").forEach(u -> generated.add(name(u)));
        generated.add(name(m.ofKind("Kafka").get(0)) + "-cluster-ca-cert");
        String docs = Sources.read("docs/deploy.md");
        for (JsonNode template : podTemplates(m)) {
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

    @Test
    void devRunsOneReplicaOfEachWithoutAutoscaling() {
        Manifests m = Manifests.of("dev");
        for (JsonNode d : serviceDeployments(m)) {
            assertThat(d.path("spec").path("replicas").asInt()).as("dev " + name(d)).isEqualTo(1);
        }
        assertThat(m.ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void prodRunsAtLeastTwoSpreadReplicasWithHpaAndPdb() {
        Manifests m = Manifests.of("prod");
        for (JsonNode d : serviceDeployments(m)) {
            String what = "prod " + name(d);
            int replicas = d.path("spec").path("replicas").asInt();
            assertThat(replicas).as(what + " replicas").isGreaterThanOrEqualTo(2);
            Map<String, String> podLabels = labels(d.path("spec").path("template").path("metadata").path("labels"));
            List<JsonNode> pdbs = m.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> selects(p.path("spec").path("selector"), podLabels)).collect(Collectors.toList());
            assertThat(pdbs).as(what + " PodDisruptionBudget").hasSize(1);
            JsonNode pdb = pdbs.get(0).path("spec");
            // It must keep a replica up, and still let a node drain.
            int maxUnavailable = pdb.has("maxUnavailable") ? pdb.path("maxUnavailable").asInt() : replicas - pdb.path("minAvailable").asInt();
            assertThat(maxUnavailable).as(what + " PDB").isBetween(1, replicas - 1);
            List<JsonNode> hpas = m.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> name(d).equals(h.path("spec").path("scaleTargetRef").path("name").asText())
                            && "Deployment".equals(h.path("spec").path("scaleTargetRef").path("kind").asText()))
                    .collect(Collectors.toList());
            assertThat(hpas).as(what + " HPA").hasSize(1);
            assertThat(hpas.get(0).path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(hpas.get(0).path("spec").path("maxReplicas").asInt()).isGreaterThan(hpas.get(0).path("spec").path("minReplicas").asInt());
            JsonNode anti = d.path("spec").path("template").path("spec").path("affinity").path("podAntiAffinity");
            List<JsonNode> terms = new ArrayList<>(list(anti.path("requiredDuringSchedulingIgnoredDuringExecution")));
            list(anti.path("preferredDuringSchedulingIgnoredDuringExecution")).forEach(t -> terms.add(t.path("podAffinityTerm")));
            assertThat(terms).as(what + " pod anti-affinity on its own pods per node").anyMatch(t ->
                    "kubernetes.io/hostname".equals(t.path("topologyKey").asText()) && selects(t.path("labelSelector"), podLabels));
        }
        assertThat(m.ofKind("KafkaNodePool").get(0).path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(m.ofKind("Cluster").get(0).path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(2);
        for (JsonNode t : m.ofKind("KafkaTopic")) {
            assertThat(t.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(t.path("spec").path("config").path("min.insync.replicas").asInt()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void imagesAndNativeBuildAreConfigured() {
        String pom = Sources.read("pom.xml");
        assertThat(pom).contains("<id>native</id>").contains("<quarkus.native.enabled>true</quarkus.native.enabled>")
                .contains("<quarkus.package.jar.enabled>false</quarkus.package.jar.enabled>");
        for (String s : Sources.SERVICES) {
            String jvm = Sources.read(s + "/src/main/docker/Dockerfile.jvm");
            assertThat(jvm).contains("USER 185").contains("target/quarkus-app");
            String nat = Sources.read(s + "/src/main/docker/Dockerfile.native");
            assertThat(nat).contains("FROM quay.io/quarkus/ubi-quarkus-mandrel-builder-image").contains("-Pnative")
                    .contains("FROM quay.io/quarkus/ubi9-quarkus-micro-image").contains("USER 1001").contains("-pl " + s);
        }
        // schema-migrations (the init container migrate-schema): a plain jar with lib/ next to it, on the services' JVM
        // image, listening on nothing; the schema is the container's argument.
        String migrations = Sources.MIGRATIONS;
        String program = MIGRATIONS_PROGRAM;
        assertThat(pom).contains("<module>" + migrations + "</module>");
        assertThat(Sources.read(migrations + "/pom.xml")).contains("<finalName>" + program + "</finalName>")
                .contains("<classpathPrefix>lib/</classpathPrefix>").contains("copy-dependencies");
        String jvm = Sources.read(migrations + "/src/main/docker/Dockerfile.jvm");
        Pattern from = Pattern.compile("(?m)^FROM .*$");
        var serviceFrom = from.matcher(Sources.read("ticket-service/src/main/docker/Dockerfile.jvm"));
        assertThat(serviceFrom.find()).isTrue();
        assertThat(jvm).as(migrations + " Dockerfile.jvm: the services' JVM base image").contains(serviceFrom.group())
                .contains("USER 185").contains("COPY --chown=185 target/lib/ /deployments/lib/")
                .contains("COPY --chown=185 target/" + program + ".jar /deployments/")
                .contains("JAVA_APP_JAR=\"/deployments/" + program + ".jar\"").contains("run-java.sh")
                .doesNotContain("EXPOSE").doesNotContain("CMD");
    }
}
