package com.onecloud.usage;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Usage counting (contract §4, "Usage and audit"). */
@ConfigMapping(prefix = "onecloud.usage")
public interface UsageConfig {

    /** Off: nothing is counted or reported (no ticket's usage or {@code lastUsedAt} moves). */
    @WithDefault("true")
    boolean enabled();

    /** How often the counts are reported; a crash loses at most this much. At most 10 s. */
    @WithDefault("10s")
    Duration reportInterval();
}
