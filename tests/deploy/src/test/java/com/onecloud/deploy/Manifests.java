package com.onecloud.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The objects of one overlay, as {@code kubectl kustomize} renders them. */
final class Manifests {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    final String overlay;
    final List<JsonNode> objects;

    private Manifests(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    /**
     * Renders deploy/overlays/{overlay} once per JVM: the test classes, which surefire runs in one JVM, share the
     * rendered objects.
     */
    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> new Manifests(o, parse(render(o))));
    }

    /** The repository root: the first directory upwards from the working directory that holds deploy/overlays. */
    static Path repoRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/overlays"))) {
                return p;
            }
        }
        throw new AssertionError("No deploy/overlays above " + dir);
    }

    static String render(String overlay) {
        Path dir = repoRoot().resolve("deploy/overlays").resolve(overlay);
        ProcessBuilder pb = new ProcessBuilder("kubectl", "kustomize", dir.toString());
        pb.redirectErrorStream(false);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError("Cannot run `kubectl kustomize`: the kubectl client is not on the PATH (" + e.getMessage()
                    + "). Install it (client only, no cluster needed: https://kubernetes.io/docs/tasks/tools/) to run "
                    + "the deployment manifest checks.", e);
        }
        try {
            // Read both streams fully; kustomize output is small.
            var out = process.getInputStream().readAllBytes();
            var err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Reading the output of kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<JsonNode> parse(String yaml) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> list = new ArrayList<>();
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    list.add(node);
                }
            }
            return list;
        } catch (IOException e) {
            throw new AssertionError("The rendered manifests are not YAML", e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).collect(Collectors.toList());
    }

    Optional<JsonNode> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return named(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " named " + name));
    }

    /** The Deployments of the three services and the console, in the order of {@link Sources#WORKLOADS}. */
    List<JsonNode> serviceDeployments() {
        List<JsonNode> list = new ArrayList<>();
        for (String s : Sources.WORKLOADS) {
            list.add(get("Deployment", s));
        }
        return list;
    }

    /** The service's own container: the first of its Deployment's pod template. */
    JsonNode container(String service) {
        return list(get("Deployment", service).path("spec").path("template").path("spec").path("containers")).get(0);
    }

    List<JsonNode> initContainers(String service) {
        return list(get("Deployment", service).path("spec").path("template").path("spec").path("initContainers"));
    }

    /** Every object that carries a pod template (Deployment, StatefulSet, DaemonSet, Job; CronJob one level down). */
    List<JsonNode> podTemplates() {
        List<JsonNode> templates = new ArrayList<>();
        for (JsonNode o : objects) {
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

    /** The containers of a pod template, init containers included. */
    static List<JsonNode> allContainers(JsonNode template) {
        List<JsonNode> containers = new ArrayList<>(list(template.path("spec").path("containers")));
        containers.addAll(list(template.path("spec").path("initContainers")));
        return containers;
    }

    /** The Kafka cluster's listener that the services use: TLS with SCRAM-SHA-512. */
    JsonNode kafkaClientListener() {
        JsonNode kafka = ofKind("Kafka").get(0);
        return list(kafka.path("spec").path("kafka").path("listeners")).stream()
                .filter(l -> l.path("tls").asBoolean() && "scram-sha-512".equals(l.path("authentication").path("type").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no TLS + SCRAM-SHA-512 listener"));
    }

    /** The CloudNativePG cluster's managed roles, by name. */
    static Map<String, JsonNode> managedRoles(JsonNode cluster) {
        return list(cluster.path("spec").path("managed").path("roles")).stream()
                .collect(Collectors.toMap(r -> r.path("name").asText(), r -> r));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new HashMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static List<JsonNode> list(JsonNode array) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false).collect(Collectors.toList()) : List.of();
    }

    /** Whether a Kubernetes label selector (matchLabels, matchExpressions with In/NotIn/Exists) selects these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        for (var e : labels(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : list(selector.path("matchExpressions"))) {
            String key = expr.path("key").asText();
            List<String> values = list(expr.path("values")).stream().map(JsonNode::asText).collect(Collectors.toList());
            String op = expr.path("operator").asText();
            boolean ok = switch (op) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new AssertionError("unknown selector operator " + op);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The environment of a container: ConfigMap keys (envFrom) then env entries (value or valueFrom). */
    Map<String, JsonNode> environment(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        for (JsonNode from : list(container.path("envFrom"))) {
            String cm = from.path("configMapRef").path("name").asText(null);
            if (cm != null) {
                get("ConfigMap", cm).path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
            }
        }
        for (JsonNode e : list(container.path("env"))) {
            env.put(e.path("name").asText(), e.has("value") ? e.path("value") : e);
        }
        return env;
    }

    /** A plain (ConfigMap or inline) environment value; fails if absent or taken from elsewhere. */
    String plainEnv(JsonNode container, String name) {
        JsonNode v = environment(container).get(name);
        if (v == null || !v.isValueNode()) {
            throw new AssertionError(overlay + ": container " + container.path("name").asText() + " has no plain value for " + name);
        }
        return v.asText();
    }

    /**
     * A value taken from a ConfigMap, whole (envFrom) or by key (configMapKeyRef); fails if absent, inline or taken from
     * elsewhere.
     */
    String configMapEnv(JsonNode container, String name) {
        String what = overlay + ": container " + container.path("name").asText() + " ";
        for (JsonNode e : list(container.path("env"))) {
            if (name.equals(e.path("name").asText())) {
                JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                if (ref.isMissingNode()) {
                    throw new AssertionError(what + "does not take " + name + " from a ConfigMap");
                }
                JsonNode value = get("ConfigMap", ref.path("name").asText()).path("data").path(ref.path("key").asText());
                if (!value.isValueNode()) {
                    throw new AssertionError(what + "takes " + name + " from ConfigMap " + ref.path("name").asText() + ", which has no key "
                            + ref.path("key").asText());
                }
                return value.asText();
            }
        }
        return plainEnv(container, name);
    }

    /** The Secret name and key a variable comes from; fails if it is not a secretKeyRef. */
    String[] secretRef(JsonNode container, String name) {
        JsonNode v = environment(container).get(name);
        JsonNode ref = v == null ? null : v.path("valueFrom").path("secretKeyRef");
        if (ref == null || ref.isMissingNode()) {
            throw new AssertionError(overlay + ": container " + container.path("name").asText() + " does not take " + name
                    + " from a Secret");
        }
        return new String[] { ref.path("name").asText(), ref.path("key").asText() };
    }
}
