package com.onecloud.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The {@code data} of an activation event carries exactly the contract's fields, and reads back as written. */
class ActivationChangedTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant AT = Instant.parse("2026-12-05T12:00:00.123456Z");

    @Test
    void anOrganizationsActivationHasBothFlagsAndNoUser() throws Exception {
        ActivationChanged org = new ActivationChanged("o1", null, true, false, 3, AT);
        JsonNode json = JSON.valueToTree(org);
        assertThat(names(json)).containsExactlyInAnyOrder("organizationId", "adminApiEnabled", "userApiEnabled",
                "version", "changedAt");
        assertThat(json.path("changedAt").asText()).isEqualTo("2026-12-05T12:00:00.123456Z");
        assertThat(JSON.treeToValue(json, ActivationChanged.class)).isEqualTo(org);
        assertThat(org.isUsers()).isFalse();
    }

    @Test
    void aUsersActivationHasItsUserAndNoAdminFlag() throws Exception {
        ActivationChanged user = new ActivationChanged("o1", "u1", null, false, 5, AT);
        JsonNode json = JSON.valueToTree(user);
        assertThat(names(json)).containsExactlyInAnyOrder("organizationId", "userId", "userApiEnabled", "version",
                "changedAt");
        assertThat(JSON.treeToValue(json, ActivationChanged.class)).isEqualTo(user);
        assertThat(user.isUsers()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
