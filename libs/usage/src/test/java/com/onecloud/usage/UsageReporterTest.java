package com.onecloud.usage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class UsageReporterTest {

    @Test
    void countingCannotBeSwitchedOnWhereNothingReportsTheCounts() {
        UsageReporter off = new UsageReporter(config(false), null, new ObjectMapper(), "resource-service");
        assertThatThrownBy(() -> off.count(true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("off by configuration");
    }

    @Test
    void theReportIntervalIsBoundedByWhatACrashMayLose() {
        assertThatThrownBy(() -> new UsageReporter(config(true, Duration.ofSeconds(11)), null, new ObjectMapper(),
                "resource-service")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 seconds");
    }

    private static UsageConfig config(boolean enabled) {
        return config(enabled, Duration.ofSeconds(10));
    }

    private static UsageConfig config(boolean enabled, Duration interval) {
        return new UsageConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Duration reportInterval() {
                return interval;
            }
        };
    }
}
