package com.onecloud.deploy;

import static com.onecloud.deploy.Manifests.labels;
import static com.onecloud.deploy.Manifests.list;
import static com.onecloud.deploy.Manifests.name;
import static com.onecloud.deploy.Manifests.selects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may reach whom: a default-deny NetworkPolicy plus an allow-list for the pods of every Service, auth-service
 * reachable from the other services only, the public APIs from the ingress controller only, PostgreSQL and Kafka from
 * the services only; and the Ingress routes each public path to the service that owns it.
 */
class NetworkTest {

    @EachOverlay
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

    @EachOverlay
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
                    boolean ingressController = "ingress-nginx".equals(peer.path("namespaceSelector").path("matchLabels")
                            .path("kubernetes.io/metadata.name").asText());
                    boolean console = !peer.has("namespaceSelector") && Sources.CONSOLE.equals(peer.path("podSelector")
                            .path("matchLabels").path("app.kubernetes.io/name").asText());
                    assertThat(ingressController || console).as(pub + " is reached from the ingress controller and the console only: "
                            + peer).isTrue();
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
        JsonNode listener = m.kafkaClientListener();
        assertThat(list(listener.path("networkPolicyPeers"))).isNotEmpty().allMatch(peer ->
                services.stream().allMatch(s -> selects(peer.path("podSelector"), Map.of("app.kubernetes.io/name", s)))
                        && !selects(peer.path("podSelector"), Map.of("app.kubernetes.io/name", "other")));
    }

    @EachOverlay
    void theIngressRoutesTheTicketPathsToTicketServiceTheRestToResourceServiceAndNothingToAuthService(String overlay) {
        Manifests m = Manifests.of(overlay);
        JsonNode ingress = m.get("Ingress", "onecloud-api");
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
    static String routeNginx(List<String[]> routes, String path) {
        return routes.stream().sorted((a, b) -> Integer.compare(b[0].length(), a[0].length()))
                .filter(r -> Pattern.compile("^" + r[0], Pattern.CASE_INSENSITIVE).matcher(path).find())
                .map(r -> r[1]).findFirst().orElse(null);
    }
}
