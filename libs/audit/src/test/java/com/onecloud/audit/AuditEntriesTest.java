package com.onecloud.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.onecloud.events.AuditRecorded;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.Topics;

/** Entries, their events, their rows and their changes, without a server. */
class AuditEntriesTest {

    private static final Origin APP = new Origin(new AuditRecorded.Actor("APPLICATION", "t1", "o1"), "192.0.2.7");

    @Test
    void anEntryIsTimedToTheMicrosecondAndItsEventCarriesItsId() {
        AuditRecorded entry = AuditEntries.entry(AuditAction.USER_UPDATED, "o1", APP, AuditEntries.USER, "u1",
                List.of("email"), null);
        assertThat(entry.time()).isEqualTo(entry.time().truncatedTo(ChronoUnit.MICROS));
        assertThat(entry.action()).isEqualTo("user.updated");
        assertThat(entry.sourceAddress()).isEqualTo("192.0.2.7");

        CloudEvent<AuditRecorded> event = AuditEntries.event("/onecloud/test", entry);
        assertThat(event.id()).isEqualTo(entry.id());
        assertThat(event.type()).isEqualTo(Topics.AUDIT_RECORDED);
        assertThat(event.subject()).isEqualTo("u1");
        assertThat(event.time()).isEqualTo(entry.time());
        assertThat(AuditEntries.key(entry)).isEqualTo("o1");
    }

    @Test
    void thePlatformsOwnEntriesAreKeyedPlatformAndTheSystemHasNoAddress() {
        AuditRecorded entry = AuditEntries.entry(AuditAction.TICKET_REVOKED, null, Origin.system("ticket-service"),
                AuditEntries.TICKET, "t9", List.of("status", "revokedAt"), "BOOTSTRAP_REPLACED");
        assertThat(AuditEntries.key(entry)).isEqualTo(Topics.PLATFORM_KEY);
        assertThat(entry.actor()).isEqualTo(new AuditRecorded.Actor("SYSTEM", "ticket-service", null));
        assertThat(entry.sourceAddress()).isNull();
    }

    @Test
    void aRowHoldsEveryColumnInOrderWithTheChangesJoined() {
        AuditRecorded entry = AuditEntries.entry(AuditAction.ORGANIZATION_CREATED, "o1", APP,
                AuditEntries.ORGANIZATION, "o1", List.of("name", "adminApiEnabled"), null);
        List<Object> values = AuditTable.values(entry);
        assertThat(values).hasSize(AuditTable.COLUMNS.size());
        assertThat(values.get(1)).isEqualTo(OffsetDateTime.ofInstant(entry.time(), java.time.ZoneOffset.UTC));
        assertThat(values).containsExactly(entry.id(), values.get(1), "organization.created", "o1", "APPLICATION",
                "t1", "o1", "organization", "o1", "192.0.2.7", "name,adminApiEnabled", null);
        assertThat(AuditTable.split("name,adminApiEnabled")).containsExactly("name", "adminApiEnabled");
        assertThat(AuditTable.split("")).isEmpty();
        assertThat(AuditTable.insert(n -> "$" + n)).endsWith("($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                + "ON CONFLICT (id) DO NOTHING");
    }

    @Test
    void changesNameOnlyTheFieldsWhoseValuesDiffer() {
        assertThat(Changes.compare().field("name", "Acme", "Acme Oy").field("email", "a@x", "a@x")
                .field("phoneNumber", "+358", null).field("userApiEnabled", null, true).names())
                .containsExactly("name", "phoneNumber", "userApiEnabled");
        assertThat(Changes.compare().field("name", "Same", "Same").names()).isEmpty();
    }

    @Test
    void everyActionHasItsWireName() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(AuditAction.named(action.wireName())).contains(action);
        }
        assertThat(AuditAction.named("ticket.deleted")).isEmpty();
        assertThat(AuditAction.named(null)).isEmpty();
    }
}
