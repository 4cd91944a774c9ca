package com.onecloud.deploy;

import static com.onecloud.deploy.Manifests.list;
import static com.onecloud.deploy.Manifests.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The administrator console: behind the Ingress on a host of its own with only its pages routed, reachable from the
 * ingress controller only, able to reach ticket- and resource-service's public APIs and nothing else, configured with
 * what its sources read and its session key from a Secret.
 */
class ConsoleTest {

    private static final String CONSOLE = Sources.CONSOLE;

    @EachOverlay
    void theConsoleReachesTheTwoPublicApisOnlyAndOnlyTheIngressControllerReachesIt(String overlay) {
        Manifests m = Manifests.of(overlay);
        JsonNode policy = m.get("NetworkPolicy", CONSOLE).path("spec");
        assertThat(list(policy.path("policyTypes")).stream().map(JsonNode::asText)).contains("Ingress", "Egress");
        int port = Integer.parseInt(m.plainEnv(m.container(CONSOLE), "QUARKUS_HTTP_PORT"));
        for (JsonNode rule : list(policy.path("ingress"))) {
            for (JsonNode peer : list(rule.path("from"))) {
                assertThat(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText())
                        .as(overlay + " the console is reached from the ingress controller only").isEqualTo("ingress-nginx");
            }
            list(rule.path("ports")).forEach(p -> assertThat(p.path("port").asInt()).isEqualTo(port));
        }
        Map<String, Integer> egress = new HashMap<>();
        for (JsonNode rule : list(policy.path("egress"))) {
            List<JsonNode> peers = list(rule.path("to"));
            assertThat(peers).as(overlay + " console egress names its peers").hasSize(1);
            assertThat(peers.get(0).has("namespaceSelector") || peers.get(0).has("ipBlock")).isFalse();
            List<JsonNode> ports = list(rule.path("ports"));
            assertThat(ports).hasSize(1);
            egress.put(peers.get(0).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText(),
                    ports.get(0).path("port").asInt());
        }
        assertThat(egress).as(overlay + " console egress: the two public APIs at their ports, nothing else")
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ticket-service", Integer.parseInt(m.plainEnv(m.container("ticket-service"), "QUARKUS_HTTP_PORT")),
                        "resource-service", Integer.parseInt(m.plainEnv(m.container("resource-service"), "QUARKUS_HTTP_PORT"))));
        // Default deny and DNS cover the console's pods too.
        for (String policyName : List.of("default-deny-egress-services", "allow-dns-egress")) {
            assertThat(Manifests.selects(m.get("NetworkPolicy", policyName).path("spec").path("podSelector"),
                    Map.of("app.kubernetes.io/name", CONSOLE))).as(overlay + " " + policyName).isTrue();
        }
    }

    @EachOverlay
    void theConsoleFindsTheApisThroughTheirServicesAndItsKeyInASecret(String overlay) {
        Manifests m = Manifests.of(overlay);
        JsonNode c = m.container(CONSOLE);
        Set<String> read = Sources.environmentRead(CONSOLE);
        for (String key : m.environment(c).keySet()) {
            if (key.startsWith("ONECLOUD_")) {
                assertThat(read).as(overlay + " console " + key + " is read by its application.properties").contains(key);
            } else {
                assertThat(key).as(overlay + " console " + key + " is a known setting").isIn("QUARKUS_HTTP_PORT",
                        "QUARKUS_SHUTDOWN_TIMEOUT");
            }
        }
        for (var api : Map.of("ONECLOUD_TICKET_URL", "ticket-service", "ONECLOUD_RESOURCE_URL", "resource-service").entrySet()) {
            JsonNode service = m.get("Service", api.getValue());
            assertThat(m.plainEnv(c, api.getKey())).as(overlay + " console " + api.getKey()).isEqualTo("http://" + name(service)
                    + ":" + list(service.path("spec").path("ports")).get(0).path("port").asInt());
        }
        assertThat(m.secretRef(c, "ONECLOUD_CONSOLE_SESSION_KEY")).containsExactly("onecloud-console-session", "key");
        assertThat(m.secretRef(c, "ONECLOUD_CONSOLE_OIDC_CLIENT_SECRET")).containsExactly("onecloud-console-oidc",
                "client-secret");
        assertThat(Sources.read(CONSOLE + "/src/main/resources/application.properties"))
                .as("the session key has no production default")
                .containsPattern("(?m)^onecloud\\.console\\.session\\.key=\\$\\{ONECLOUD_CONSOLE_SESSION_KEY\\}$");
        int port = Integer.parseInt(m.plainEnv(c, "QUARKUS_HTTP_PORT"));
        assertThat(list(c.path("ports")).get(0).path("containerPort").asInt()).isEqualTo(port);
        assertThat(Sources.read(CONSOLE + "/src/main/docker/Dockerfile.jvm")).contains("EXPOSE " + port).contains("USER 185");
        assertThat(Sources.read(CONSOLE + "/src/main/docker/Dockerfile.native")).contains("EXPOSE " + port)
                .contains("-pl " + CONSOLE);
    }

    @EachOverlay
    void theConsoleIngressRoutesItsPagesOverHttpsAndNotItsManagementEndpoints(String overlay) {
        Manifests m = Manifests.of(overlay);
        JsonNode ingress = m.get("Ingress", "onecloud-console");
        assertThat(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/force-ssl-redirect").asText())
                .isEqualTo("true");
        assertThat(list(ingress.path("spec").path("tls"))).isNotEmpty();
        List<String[]> routes = new ArrayList<>();
        for (JsonNode rule : list(ingress.path("spec").path("rules"))) {
            for (JsonNode path : list(rule.path("http").path("paths"))) {
                routes.add(new String[] { path.path("path").asText(), path.path("backend").path("service").path("name").asText() });
            }
        }
        for (String page : List.of("/", "/sign-in", "/sign-in/oidc", "/sign-out", "/my/tickets", "/my/tickets/t1/revoke",
                "/organizations", "/organizations/o1/tickets/t1/revoke",
                "/superuser-tickets/t1", "/webjars/htmx.org/2.0.10/dist/htmx.min.js", "/console.css", "/console.js")) {
            assertThat(NetworkTest.routeNginx(routes, page)).as(overlay + " console " + page).isEqualTo(CONSOLE);
        }
        for (String hidden : List.of("/q/health/ready", "/q/metrics", "/api/admin/v1/tickets", "/organizationsx",
                "/mystery")) {
            assertThat(NetworkTest.routeNginx(routes, hidden)).as(overlay + " console " + hidden + " is not routed").isNull();
        }
        // The API's host does not route to the console, nor the console's host to the APIs.
        assertThat(list(m.get("Ingress", "onecloud-api").path("spec").path("rules")).get(0).path("host").asText())
                .isNotEqualTo(list(ingress.path("spec").path("rules")).get(0).path("host").asText());
    }
}
