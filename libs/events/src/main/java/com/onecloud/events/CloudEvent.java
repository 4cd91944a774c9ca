package com.onecloud.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CloudEvents 1.0 event in structured JSON mode, the value of every record on {@link Topics}. Consumers must be
 * idempotent on {@link #id()}: delivery is at least once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String specversion, String id, String source, String type, String subject, Instant time,
        String datacontenttype, T data) {

    public static <T> CloudEvent<T> of(String source, String type, String subject, Instant time, T data) {
        return new CloudEvent<>("1.0", UUID.randomUUID().toString(), source, type, subject, time, "application/json",
                data);
    }
}
