package com.onecloud.subscriptions;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last {@code capacity} event ids seen, to give each event once though the outbox may publish it twice. */
final class RecentIds {

    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code id} is new (and now remembered). Not thread-safe: one reader at a time. */
    boolean add(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }
}
