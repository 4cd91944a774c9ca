package com.onecloud.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.KafkaClients;
import com.onecloud.events.Topics;
import com.onecloud.events.UsageReported;
import com.onecloud.events.UsageReported.TicketUsage;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Counts the decisions this process makes or serves from its cache, per ticket and UTC day, and reports them on
 * {@link Topics#USAGE_EVENTS} every {@link UsageConfig#reportInterval()}: no write and no call on a request's path.
 * A report that cannot be sent is counted again into the next; a crash loses at most one interval. ticket-service adds
 * the reports up.
 */
@Singleton // counts on every request: no client proxy to look the instance up on each call
public class UsageReporter {

    private static final Logger LOG = Logger.getLogger(UsageReporter.class);
    private static final Duration LONGEST_INTERVAL = Duration.ofSeconds(10);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final UsageCounter counter = new UsageCounter(System::currentTimeMillis);
    private final boolean enabled;
    /** Whether requests are counted now: {@link #enabled}, unless the benchmark build switches it ({@link #count}). */
    private volatile boolean counting;
    private final Duration interval;
    private final String reporter;
    private final KafkaClients kafka;
    private final ObjectMapper json;
    private ScheduledExecutorService scheduler;
    private KafkaProducer<String, String> producer;
    private Instant since = Instant.now();

    UsageReporter(UsageConfig config, KafkaClients kafka, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        if (config.reportInterval().compareTo(LONGEST_INTERVAL) > 0 || config.reportInterval().isNegative()
                || config.reportInterval().isZero()) {
            throw new IllegalArgumentException("onecloud.usage.report-interval must be between 0 and 10 seconds (a"
                    + " crash loses at most one interval of counts), was " + config.reportInterval());
        }
        this.enabled = config.enabled();
        this.counting = enabled;
        this.interval = config.reportInterval();
        this.reporter = application + "-" + UUID.randomUUID();
        this.kafka = kafka;
        this.json = json;
    }

    public void allowed(String ticketId) {
        if (counting && ticketId != null) {
            counter.allowed(ticketId);
        }
    }

    public void forbidden(String ticketId) {
        if (counting && ticketId != null) {
            counter.forbidden(ticketId);
        }
    }

    public void invalid(String ticketId) {
        if (counting && ticketId != null) {
            counter.invalid(ticketId);
        }
    }

    /**
     * Switches counting without a restart, for the benchmark build's comparison of counting on and off in one warm
     * process (a restart's JIT differs by more than what is compared); the reports go on as configured.
     */
    public void count(boolean on) {
        if (on && !enabled) {
            throw new IllegalStateException("usage counting is off by configuration: nothing would report the counts");
        }
        counting = on;
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            LOG.info("Usage counting is off");
            return;
        }
        producer = kafka.producer("usage-" + reporter, SEND_TIMEOUT);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "usage-reporter");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        report(); // what was counted since the last report
        producer.close(SEND_TIMEOUT);
    }

    /** Sends what was counted since the last report, if anything; keeps it for the next one if the send fails. */
    synchronized void report() {
        List<TicketUsage> drained = counter.drain();
        if (drained.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        try {
            String event = json.writeValueAsString(CloudEvent.of("/onecloud/" + reporter, Topics.USAGE_REPORTED,
                    reporter, now, new UsageReported(reporter, since, now, drained)));
            producer.send(new ProducerRecord<>(Topics.USAGE_EVENTS, reporter, event))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            since = now;
            LOG.debugf("Reported the usage of %d ticket-days", drained.size());
        } catch (Exception e) {
            counter.restore(drained);
            LOG.warnf("Usage report not sent, kept for the next one: %s", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
