package com.onecloud.deploy;

import static com.onecloud.deploy.Manifests.labels;
import static com.onecloud.deploy.Manifests.list;
import static com.onecloud.deploy.Manifests.name;
import static com.onecloud.deploy.Manifests.selects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The workloads of both overlays: every part of the platform is rendered into one namespace, every container has probes,
 * resources and a restricted security context, rollouts keep capacity and shut down gracefully, and each overlay runs
 * the replicas (and, in prod, the autoscalers, disruption budgets and spreading) it is meant to.
 */
class WorkloadsTest {

    @EachOverlay
    void rendersEveryPartOfThePlatform(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String s : Sources.WORKLOADS) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget")) {
                m.get(kind, s);
            }
            m.get("ConfigMap", s + "-config");
        }
        assertThat(m.ofKind("Ingress")).as("the APIs' and the console's").hasSize(2);
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

    @EachOverlay
    void everyContainerHasProbesResourcesAndARestrictedSecurityContext(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<JsonNode> templates = m.podTemplates();
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

    @EachOverlay
    void rolloutsKeepCapacityAndShutDownGracefully(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (JsonNode d : m.serviceDeployments()) {
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

    @Test
    void devRunsOneReplicaOfEachWithoutAutoscaling() {
        Manifests m = Manifests.of("dev");
        for (JsonNode d : m.serviceDeployments()) {
            assertThat(d.path("spec").path("replicas").asInt()).as("dev " + name(d)).isEqualTo(1);
        }
        assertThat(m.ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void prodRunsAtLeastTwoSpreadReplicasWithHpaAndPdb() {
        Manifests m = Manifests.of("prod");
        for (JsonNode d : m.serviceDeployments()) {
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
}
