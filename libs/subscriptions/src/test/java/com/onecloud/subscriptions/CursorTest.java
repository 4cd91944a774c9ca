package com.onecloud.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    private static final TopicPartition A0 = new TopicPartition("directory-events", 0);
    private static final TopicPartition A1 = new TopicPartition("directory-events", 1);
    private static final TopicPartition B0 = new TopicPartition("contact-events", 0);

    @Test
    void anIdNamesThePositionAfterTheEventAndReadsBackTheSame() {
        Cursor cursor = new Cursor(Map.of(A0, 5L, B0, 2L)).past(A1, 9);
        assertThat(cursor.next(A1)).isEqualTo(10);
        assertThat(Cursor.decode(cursor.encode())).contains(cursor);
        assertThat(cursor.encode()).doesNotContain("=").doesNotContain("/").doesNotContain("+");
    }

    @Test
    void theIdOfOnePositionIsAlwaysTheSame() {
        assertThat(new Cursor(Map.of(A0, 1L, B0, 2L)).encode()).isEqualTo(new Cursor(Map.of(B0, 2L, A0, 1L)).encode());
    }

    @Test
    void movingNeverGoesBackAndMaxTakesTheFurthestOfEachPartition() {
        Cursor cursor = new Cursor(Map.of(A0, 5L));
        assertThat(cursor.past(A0, 2).next(A0)).isEqualTo(5);
        Cursor merged = new Cursor(Map.of(A0, 5L, A1, 1L)).max(new Cursor(Map.of(A0, 3L, B0, 7L)));
        assertThat(merged).isEqualTo(new Cursor(Map.of(A0, 5L, A1, 1L, B0, 7L)));
        assertThat(merged.covers(new Cursor(Map.of(A0, 5L, B0, 7L)))).isTrue();
        assertThat(merged.covers(new Cursor(Map.of(A0, 6L)))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "not base64 !", "ZGlyZWN0b3J5LWV2ZW50cy8wLzU", "x" })
    void anythingElseIsNoPosition(String id) {
        boolean wellFormed = id.equals("ZGlyZWN0b3J5LWV2ZW50cy8wLzU");
        assertThat(Cursor.decode(id).isPresent()).isEqualTo(wellFormed);
    }

    @ParameterizedTest
    @ValueSource(strings = { "directory-events/0", "directory-events/-1/5", "directory-events/0/-5", "/0/5",
            "directory-events/zero/5", "a/0/1,,b/0/1" })
    void malformedPositionsAreRefused(String plain) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        assertThat(Cursor.decode(id)).isEmpty();
    }
}
