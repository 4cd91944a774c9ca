package com.onecloud.subscriptions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

/**
 * A position in the topics a service's subscriptions read: for each partition, the offset of the next event not yet
 * considered. An event's SSE {@code id} is the cursor just after it, so that {@code Last-Event-ID} resumes exactly
 * there, on any replica (they all read the same topics). Opaque to clients: base64url of
 * {@code topic/partition/offset,...}.
 */
record Cursor(Map<TopicPartition, Long> next) {

    static final Cursor EMPTY = new Cursor(Map.of());
    private static final int MAX_PARTITIONS = 256;
    private static final Comparator<TopicPartition> ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

    Cursor {
        next = Map.copyOf(next);
    }

    long next(TopicPartition partition) {
        return next.getOrDefault(partition, 0L);
    }

    /** This cursor, moved past the event at {@code offset} of {@code partition}. */
    Cursor past(TopicPartition partition, long offset) {
        Map<TopicPartition, Long> moved = new HashMap<>(next);
        moved.merge(partition, offset + 1, Math::max);
        return new Cursor(moved);
    }

    /** The partition-wise furthest of both. */
    Cursor max(Cursor other) {
        Map<TopicPartition, Long> merged = new HashMap<>(next);
        other.next.forEach((partition, offset) -> merged.merge(partition, offset, Math::max));
        return new Cursor(merged);
    }

    /** Whether this cursor is at or past {@code other} in every partition {@code other} names. */
    boolean covers(Cursor other) {
        return other.next.entrySet().stream().allMatch(e -> next(e.getKey()) >= e.getValue());
    }

    String encode() {
        String plain = next.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER))
                .map(e -> e.getKey().topic() + "/" + e.getKey().partition() + "/" + e.getValue())
                .collect(Collectors.joining(","));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code id} names, or empty when it is not one (a client's own invention, say). */
    static Optional<Cursor> decode(String id) {
        if (id == null || id.isBlank() || id.length() > 16_384) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(id.trim()), StandardCharsets.UTF_8);
            Map<TopicPartition, Long> next = new HashMap<>();
            for (String part : plain.split(",")) {
                String[] fields = part.split("/");
                if (fields.length != 3 || fields[0].isEmpty() || next.size() >= MAX_PARTITIONS) {
                    return Optional.empty();
                }
                int partition = Integer.parseInt(fields[1]);
                long offset = Long.parseLong(fields[2]);
                if (partition < 0 || offset < 0) {
                    return Optional.empty();
                }
                next.put(new TopicPartition(fields[0], partition), offset);
            }
            return Optional.of(new Cursor(next));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
