package com.onecloud.ticket.usage;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.onecloud.events.CloudEvent;
import com.onecloud.events.Topics;
import com.onecloud.events.UsageReported;
import com.onecloud.events.consumer.EventListener;
import com.onecloud.events.consumer.Subscription;
import com.onecloud.ticket.config.TicketServiceConfig;
import com.onecloud.ticket.support.BlockingAwait;

/**
 * Adds up the usage reports of every service that decides on requests. The replicas share one consumer group: each
 * report is added by one of them, exactly once (its event id is recorded in the same transaction), and its offset is
 * committed only after that.
 */
@ApplicationScoped
public class UsageReportListener implements EventListener {

    private static final Logger LOG = Logger.getLogger(UsageReportListener.class);

    private final UsageReportHandler handler;
    private final TicketServiceConfig.UsageReports config;

    UsageReportListener(UsageReportHandler handler, TicketServiceConfig config) {
        this.handler = handler;
        this.config = config.usageReports();
    }

    @Override
    public Subscription subscription() {
        return Subscription.shared("usage-reports", Topics.USAGE_EVENTS, config.groupId(), config.maxBackoff());
    }

    @Override
    public void handle(CloudEvent<?> event) {
        if (!(event.data() instanceof UsageReported report) || event.id().length() > 100) {
            return;
        }
        int added = BlockingAwait.await(() -> handler.add(event.id(), report));
        LOG.debugf("Usage report %s from %s: %d ticket-days added", event.id(), report.reporter(), added);
    }
}
