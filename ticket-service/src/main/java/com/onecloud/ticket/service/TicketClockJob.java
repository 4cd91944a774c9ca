package com.onecloud.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.onecloud.ticket.support.BlockingAwait;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Every second, retires the credentials whose rotation grace has ended and announces each as revoked, and announces
 * the tickets that expired (for subscribers).
 */
@ApplicationScoped
public class TicketClockJob {

    private static final int BATCH = 100;

    private final TicketService tickets;
    private volatile boolean stopping;

    TicketClockJob(TicketService tickets) {
        this.tickets = tickets;
    }

    @Scheduled(identity = "ticket-clock", every = "${onecloud.tickets.grace-check-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping) {
            return; // the database pool is closing; the next start picks up what is due
        }
        int retired;
        do {
            retired = BlockingAwait.await(() -> tickets.retireEndedGraces(BATCH));
        } while (retired == BATCH && !stopping);
        int expired;
        do {
            expired = BlockingAwait.await(() -> tickets.announceExpiries(BATCH));
        } while (expired == BATCH && !stopping);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
