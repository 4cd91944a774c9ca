package com.onecloud.outbox;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code outbox_event} to write: one Kafka record, in the transaction of the change it announces. */
public record OutboxRecord(UUID id, String topic, String key, String payload, Instant createdAt) {
}
