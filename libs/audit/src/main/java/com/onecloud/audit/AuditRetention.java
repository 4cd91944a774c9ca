package com.onecloud.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Removes audit entries older than the retention ({@link AuditConfig#retention()}, 400 days by default). The
 * service's role may not delete an entry; the migrations' function {@code audit_entry_expire}, which runs with its
 * owner's rights, deletes only entries older than the bound it is given and refuses a bound under one day. Replicas
 * may run it at the same time: the function lets one of them work and the others return 0 (an advisory lock).
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    private static final String EXPIRE = "SELECT audit_entry_expire(make_interval(secs => $1))";

    private final Pool pool;
    private final AuditConfig config;

    AuditRetention(Pool pool, AuditConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(identity = "audit-retention", every = "${onecloud.audit.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return expire().onFailure().invoke(e -> LOG.warnf("Audit retention failed; next run in %s: %s",
                config.purgeInterval(), e.toString())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Removes the entries older than the retention now; returns how many. */
    public Uni<Long> expire() {
        double seconds = config.retention().toSeconds();
        return pool.preparedQuery(EXPIRE).execute(Tuple.of(seconds))
                .map(rows -> rows.iterator().next().getLong(0))
                .invoke(removed -> {
                    if (removed > 0) {
                        LOG.infof("Removed %d audit entries older than %s", removed, config.retention());
                    }
                });
    }
}
