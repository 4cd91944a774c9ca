package com.onecloud.deploy;

import static com.onecloud.deploy.Manifests.list;
import static com.onecloud.deploy.Manifests.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Strimzi objects against the services' sources: the topics they use and no others, no automatic topic creation,
 * and per service a KafkaUser whose ACLs grant exactly what that service reads and writes.
 */
class KafkaTest {

    @EachOverlay
    void topicsAndUsersMatchTheServicesAndGrantTheLeastPrivilege(String overlay) {
        Manifests m = Manifests.of(overlay);
        String ticketEvents = Sources.ticketEventsTopic();
        String directoryEvents = Sources.directoryEventsTopic();
        String usageEvents = Sources.usageEventsTopic();
        String auditEvents = Sources.auditEventsTopic();
        String contactEvents = Sources.contactEventsTopic();
        assertThat(ticketEvents).isEqualTo("ticket-events");
        assertThat(auditEvents).isEqualTo("audit-events");
        assertThat(directoryEvents).isEqualTo("directory-events");
        assertThat(Sources.revocationTopics()).containsExactly(ticketEvents, directoryEvents);
        assertThat(Sources.subscriptionTopics("ticket-service")).containsExactly(ticketEvents);
        assertThat(Sources.subscriptionTopics("resource-service")).containsExactly(directoryEvents, contactEvents);
        String cluster = name(m.ofKind("Kafka").get(0));
        assertThat(m.ofKind("KafkaTopic").stream().map(t -> t.path("spec").path("topicName").asText(name(t))))
                .containsExactlyInAnyOrder(ticketEvents, directoryEvents, contactEvents, usageEvents, auditEvents);
        // Contract §4: a subscription resumes from any position of the last 24 hours.
        for (JsonNode topic : m.ofKind("KafkaTopic")) {
            String topicName = topic.path("spec").path("topicName").asText(name(topic));
            if (List.of(ticketEvents, directoryEvents, contactEvents).contains(topicName)) {
                assertThat(topic.path("spec").path("config").path("retention.ms").asLong()).as(topicName + " retention")
                        .isGreaterThanOrEqualTo(24L * 3600 * 1000);
            }
        }
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
                        "group prefix " + Sources.revocationGroupPrefix("ticket-service") + " Read",
                        "group prefix " + Sources.subscriptionGroupPrefix("ticket-service") + " Read",
                        "topic literal " + directoryEvents + " Read", "topic literal " + directoryEvents + " Describe",
                        "group literal " + Sources.directoryGroup() + " Read",
                        "topic literal " + usageEvents + " Write", "topic literal " + usageEvents + " Read",
                        "topic literal " + usageEvents + " Describe", "group literal " + Sources.usageGroup() + " Read",
                        "topic literal " + auditEvents + " Write", "topic literal " + auditEvents + " Read",
                        "topic literal " + auditEvents + " Describe", "group literal " + Sources.auditGroup() + " Read"),
                "resource-service", Set.of(
                        "topic literal " + directoryEvents + " Write", "topic literal " + directoryEvents + " Describe",
                        "topic literal " + directoryEvents + " Read", "topic literal " + ticketEvents + " Read",
                        "topic literal " + ticketEvents + " Describe",
                        "group prefix " + Sources.revocationGroupPrefix("resource-service") + " Read",
                        "topic literal " + contactEvents + " Write", "topic literal " + contactEvents + " Read",
                        "topic literal " + contactEvents + " Describe",
                        "group prefix " + Sources.subscriptionGroupPrefix("resource-service") + " Read",
                        "topic literal " + usageEvents + " Write", "topic literal " + usageEvents + " Describe",
                        "topic literal " + auditEvents + " Write", "topic literal " + auditEvents + " Describe"),
                "auth-service", Set.of(
                        "topic literal " + ticketEvents + " Read", "topic literal " + ticketEvents + " Describe",
                        "topic literal " + directoryEvents + " Read", "topic literal " + directoryEvents + " Describe",
                        "group prefix " + Sources.revocationGroupPrefix("auth-service") + " Read",
                        "topic literal " + usageEvents + " Write", "topic literal " + usageEvents + " Describe"));
        assertThat(m.ofKind("KafkaUser").stream().map(Manifests::name)).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (JsonNode user : m.ofKind("KafkaUser")) {
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            Set<String> granted = new HashSet<>();
            for (JsonNode acl : list(user.path("spec").path("authorization").path("acls"))) {
                JsonNode r = acl.path("resource");
                assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
                assertThat(r.path("type").asText()).as(name(user) + " ACL resource type").isIn("topic", "group");
                if ("topic".equals(r.path("type").asText())) {
                    assertThat(r.path("name").asText()).as(name(user) + " ACL topic").isIn(ticketEvents, directoryEvents, usageEvents,
                            auditEvents, contactEvents);
                }
                for (JsonNode op : list(acl.path("operations"))) {
                    granted.add(r.path("type").asText() + " " + r.path("patternType").asText("literal") + " " + r.path("name").asText() + " " + op.asText());
                }
            }
            assertThat(granted).as(overlay + " KafkaUser " + name(user)).containsExactlyInAnyOrderElementsOf(expected.get(name(user)));
        }
    }
}
