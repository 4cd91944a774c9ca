package com.onecloud.auth.revocation;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.auth.cache.VerifiedCredentialCache;
import com.onecloud.events.Topics;

/**
 * Applies one record of {@code ticket-events}: a {@code onecloud.ticket.revoked.v1} evicts every cached entry of
 * {@code data.ticketId}, or only those of {@code data.credentialId} when set. Other types are ignored. Idempotent:
 * a redelivered event evicts nothing more.
 */
@ApplicationScoped
public class RevocationHandler {

    private static final Logger LOG = Logger.getLogger(RevocationHandler.class);

    private final VerifiedCredentialCache cache;
    private final ObjectMapper json;

    RevocationHandler(VerifiedCredentialCache cache, ObjectMapper json) {
        this.cache = cache;
        this.json = json;
    }

    /** Handles one record value; a malformed one is logged (without its content) and skipped. */
    public void handle(String value) {
        JsonNode event;
        try {
            event = value == null ? null : json.readTree(value);
        } catch (IOException e) {
            LOG.warn("Skipping a ticket event that is not JSON");
            return;
        }
        if (event == null || !Topics.TICKET_REVOKED.equals(event.path("type").asText())) {
            return;
        }
        JsonNode data = event.path("data");
        String ticketId = text(data, "ticketId");
        if (ticketId == null) {
            LOG.warnf("Skipping revocation event %s without data.ticketId", event.path("id").asText());
            return;
        }
        String credentialId = text(data, "credentialId");
        int evicted = credentialId == null ? cache.evictTicket(ticketId) : cache.evictCredential(ticketId, credentialId);
        LOG.debugf("Revocation event %s: ticket %s%s, %d cached entries evicted", event.path("id").asText(), ticketId,
                credentialId == null ? "" : " credential " + credentialId, evicted);
    }

    /**
     * The listener was (re)assigned its partitions and reads from the latest offset: whatever was revoked before that
     * may not arrive, so nothing verified before it stays cached.
     */
    public void startedListening() {
        long evicted = cache.evictAll();
        LOG.debugf("Listening for revocations from now on; %d cached entries dropped", evicted);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
