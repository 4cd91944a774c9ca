package com.onecloud.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.ActivationChanged;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.ItemChanged;
import com.onecloud.events.OrganizationDeleted;
import com.onecloud.events.TicketRevoked;
import com.onecloud.events.Topics;
import com.onecloud.events.UserDeleted;

/** Which collection each event changes, and how subscribers see it. */
class ChangesTest {

    private final Changes changes = new Changes(new ObjectMapper());

    @Test
    void directoryAndContactEventsChangeTheirCollections() {
        assertThat(of(Topics.ORGANIZATION_CREATED, new ItemChanged("o1", null, Map.of("id", "o1"))))
                .isEqualTo(new Change(StreamKey.ORGANIZATIONS, "created", "{\"type\":\"created\",\"item\":{\"id\":\"o1\"}}"));
        assertThat(of(Topics.ORGANIZATION_DELETED, new OrganizationDeleted("o1", Instant.EPOCH)).data())
                .isEqualTo("{\"type\":\"deleted\",\"item\":{\"id\":\"o1\"}}");
        assertThat(of(Topics.USER_UPDATED, new ItemChanged("o1", null, Map.of("id", "u1"))).key())
                .isEqualTo(StreamKey.users("o1"));
        assertThat(of(Topics.USER_DELETED, new UserDeleted("o1", "u1", Instant.EPOCH)).key())
                .isEqualTo(StreamKey.users("o1"));
        assertThat(of(Topics.CONTACT_DELETED, new ItemChanged("o1", "u1", Map.of("id", "c1"))).key())
                .isEqualTo(StreamKey.contacts("o1", "u1"));
    }

    @Test
    void aTicketsRevocationIsAChangeButTheEndOfOneCredentialsGraceIsNot() {
        Map<String, Object> ticket = Map.of("id", "t1", "status", "REVOKED");
        assertThat(of(Topics.TICKET_REVOKED, new TicketRevoked("t1", null, "o1", null, "APPLICATION", Instant.EPOCH,
                "REVOKED", ticket)).key()).isEqualTo(StreamKey.tickets("o1"));
        assertThat(changes.of(event(Topics.TICKET_REVOKED, new TicketRevoked("t1", "c1", "o1", null, "APPLICATION",
                Instant.EPOCH, "ROTATION_GRACE_ENDED", ticket)))).isEmpty();
        assertThat(changes.of(event(Topics.TICKET_REVOKED, new TicketRevoked("t1", null, null, null, "SUPERUSER",
                Instant.EPOCH, "REVOKED", ticket)))).as("SUPERUSER tickets are no organization's").isEmpty();
    }

    @Test
    void eventsOfNoCollectionGiveNothing() {
        assertThat(changes.of(event(Topics.ACTIVATION_CHANGED,
                new ActivationChanged("o1", null, true, true, 1, Instant.EPOCH)))).isEmpty();
        assertThat(changes.of(event("com.example.unknown.v1", Map.of("x", 1)))).isEmpty();
        assertThat(changes.of(event(Topics.CONTACT_CREATED, new ItemChanged("o1", null, Map.of("id", "c1")))))
                .as("a contact without its user").isEmpty();
    }

    private Change of(String type, Object data) {
        return changes.of(event(type, data)).orElseThrow();
    }

    private static CloudEvent<Object> event(String type, Object data) {
        return CloudEvent.of("/test", type, "s", Instant.EPOCH, data);
    }
}
