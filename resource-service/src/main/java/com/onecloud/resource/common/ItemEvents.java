package com.onecloud.resource.common;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.ItemChanged;
import com.onecloud.events.Topics;
import com.onecloud.outbox.SqlOutbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Announces a created, updated or deleted organization, user or personal contact with the item as the API represents
 * it, in the transaction of the change, for subscribers (contract §4, "Subscriptions"). Organizations and users go to
 * {@link Topics#DIRECTORY_EVENTS} keyed by organization, contacts to {@link Topics#CONTACT_EVENTS} keyed by their user.
 */
@ApplicationScoped
public class ItemEvents {

    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };

    private final SqlOutbox outbox;
    private final ObjectMapper json;

    ItemEvents(SqlOutbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** {@code view} is the organization's representation (the event's {@code type} says whether created or updated). */
    public Uni<Void> organization(SqlConnection transaction, String type, String orgId, Object view) {
        return append(transaction, Topics.DIRECTORY_EVENTS, orgId, type, orgId, new ItemChanged(orgId, null, item(view)));
    }

    public Uni<Void> user(SqlConnection transaction, String type, String orgId, String userId, Object view) {
        return append(transaction, Topics.DIRECTORY_EVENTS, orgId, type, userId,
                new ItemChanged(orgId, null, item(view)));
    }

    /** {@code view} is the contact's representation, or for a deletion only its id. */
    public Uni<Void> contact(SqlConnection transaction, String type, String orgId, String userId, String contactId,
            Object view) {
        return append(transaction, Topics.CONTACT_EVENTS, userId, type, contactId,
                new ItemChanged(orgId, userId, item(view)));
    }

    private Uni<Void> append(SqlConnection transaction, String topic, String key, String type, String subject,
            ItemChanged data) {
        return outbox.append(transaction, topic, key,
                CloudEvent.of(DirectoryEvents.SOURCE, type, subject, Instant.now(), data));
    }

    private Map<String, Object> item(Object view) {
        return view instanceof Map<?, ?> map ? json.convertValue(map, ITEM) : json.convertValue(view, ITEM);
    }
}
