package com.onecloud.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit trail's retention, under {@code onecloud.audit.*}. */
@ConfigMapping(prefix = "onecloud.audit")
public interface AuditConfig {

    /**
     * How long entries are kept; older ones are removed by the retention job. At least one day: the database refuses
     * a shorter bound ({@code audit_entry_expire}).
     */
    @WithDefault("P400D")
    Duration retention();

    /** How often the retention job runs ({@code onecloud.audit.purge-interval}). */
    @WithDefault("1h")
    Duration purgeInterval();
}
