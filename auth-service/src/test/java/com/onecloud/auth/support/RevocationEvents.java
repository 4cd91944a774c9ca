package com.onecloud.auth.support;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.onecloud.events.ActivationChanged;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.TicketRevoked;
import com.onecloud.events.Topics;
import com.onecloud.testsupport.Json;

/**
 * Publishes events the way the outbox relays do: on {@code ticket-events} (key = ticket id) unless told otherwise,
 * structured CloudEvents.
 */
public final class RevocationEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public RevocationEvents() {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    public static CloudEvent<TicketRevoked> revoked(Tickets.Issued ticket, String credentialId, String reason) {
        TicketRevoked data = new TicketRevoked(ticket.ticketId(), credentialId, ticket.organizationId(),
                ticket.userId(), ticket.kind().name(), Instant.now(), reason);
        return CloudEvent.of("/onecloud/ticket-service", Topics.TICKET_REVOKED, ticket.ticketId(), Instant.now(), data);
    }

    /** ticket-service's announcement that its view holds this activation; publish it keyed by organization. */
    public static CloudEvent<ActivationChanged> activation(String organizationId, String userId,
            Boolean adminApiEnabled, boolean userApiEnabled, long version) {
        ActivationChanged data = new ActivationChanged(organizationId, userId, adminApiEnabled, userApiEnabled, version,
                Instant.now());
        return CloudEvent.of("/onecloud/ticket-service", Topics.ACTIVATION_CHANGED,
                userId == null ? organizationId : userId, Instant.now(), data);
    }

    /** Sends to {@code ticket-events} and waits for the broker's acknowledgement. */
    public void publish(String key, Object event) {
        publish(Topics.TICKET_EVENTS, key, event);
    }

    /** Sends to {@code topic} and waits for the broker's acknowledgement. */
    public void publish(String topic, String key, Object event) {
        try {
            send(topic, key, Json.MAPPER.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(String key, String value) {
        send(Topics.TICKET_EVENTS, key, value);
    }

    private void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
