package com.onecloud.subscriptions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.ItemChanged;
import com.onecloud.events.OrganizationDeleted;
import com.onecloud.events.TicketCreated;
import com.onecloud.events.TicketExpired;
import com.onecloud.events.TicketRevoked;
import com.onecloud.events.TicketRotated;
import com.onecloud.events.Topics;
import com.onecloud.events.UserDeleted;

/**
 * Which collection an event changes, and how (contract §4): {@code created}, {@code updated}, {@code deleted}; for
 * tickets {@code created}, {@code rotated}, {@code revoked}, {@code expired}. Events that change no subscribable
 * collection (activations, usage, the end of one credential's grace, SUPERUSER tickets) give nothing.
 */
final class Changes {

    private final ObjectMapper json;

    Changes(ObjectMapper json) {
        this.json = json;
    }

    Optional<Change> of(CloudEvent<?> event) {
        Object data = event.data();
        return switch (event.type()) {
            case Topics.ORGANIZATION_CREATED -> item(data, "created", ic -> StreamKey.ORGANIZATIONS);
            case Topics.ORGANIZATION_UPDATED -> item(data, "updated", ic -> StreamKey.ORGANIZATIONS);
            case Topics.ORGANIZATION_DELETED -> data instanceof OrganizationDeleted deleted
                    ? change(StreamKey.ORGANIZATIONS, "deleted", Map.of("id", deleted.organizationId()))
                    : Optional.empty();
            case Topics.USER_CREATED -> item(data, "created", ic -> StreamKey.users(ic.organizationId()));
            case Topics.USER_UPDATED -> item(data, "updated", ic -> StreamKey.users(ic.organizationId()));
            case Topics.USER_DELETED -> data instanceof UserDeleted deleted
                    ? change(StreamKey.users(deleted.organizationId()), "deleted", Map.of("id", deleted.userId()))
                    : Optional.empty();
            case Topics.CONTACT_CREATED -> item(data, "created", Changes::contacts);
            case Topics.CONTACT_UPDATED -> item(data, "updated", Changes::contacts);
            case Topics.CONTACT_DELETED -> item(data, "deleted", Changes::contacts);
            case Topics.TICKET_CREATED -> data instanceof TicketCreated created
                    ? ticket(created.organizationId(), "created", created.ticket()) : Optional.empty();
            case Topics.TICKET_ROTATED -> data instanceof TicketRotated rotated
                    ? ticket(rotated.organizationId(), "rotated", rotated.ticket()) : Optional.empty();
            case Topics.TICKET_REVOKED -> data instanceof TicketRevoked revoked && revoked.credentialId() == null
                    ? ticket(revoked.organizationId(), "revoked", revoked.ticket()) : Optional.empty();
            case Topics.TICKET_EXPIRED -> data instanceof TicketExpired expired
                    ? ticket(expired.organizationId(), "expired", expired.ticket()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static StreamKey contacts(ItemChanged changed) {
        return changed.userId() == null ? null : StreamKey.contacts(changed.organizationId(), changed.userId());
    }

    private Optional<Change> item(Object data, String name, java.util.function.Function<ItemChanged, StreamKey> key) {
        if (!(data instanceof ItemChanged changed) || changed.organizationId() == null || changed.item() == null) {
            return Optional.empty();
        }
        StreamKey streamKey = key.apply(changed);
        return streamKey == null ? Optional.empty() : change(streamKey, name, changed.item());
    }

    private Optional<Change> ticket(String organizationId, String name, Map<String, Object> ticket) {
        return organizationId == null || ticket == null ? Optional.empty()
                : change(StreamKey.tickets(organizationId), name, ticket);
    }

    private Optional<Change> change(StreamKey key, String name, Map<String, Object> item) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", name);
        data.put("item", item);
        try {
            return Optional.of(new Change(key, name, json.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change of " + key.value() + " cannot be rendered", e);
        }
    }
}
