package com.onecloud.revocation;

/**
 * The eviction contract of every cache of verified credentials or of decisions made on them. The
 * {@link RevocationFeed} calls these on its own thread, in event order; each is idempotent (delivery is at least
 * once). A cache must also make sure that an answer computed before a call below is not cached after it (a lookup or
 * decision in flight while the revocation arrives).
 */
public interface RevocableCache {

    /** The whole ticket was revoked: drops every entry of it; returns how many were dropped. */
    int revokeTicket(String ticketId);

    /** One credential of the ticket ended (the old one, at the end of a rotation's grace); returns how many dropped. */
    int revokeCredential(String ticketId, String credentialId);

    /**
     * The ticket's credentials changed (a rotation gave the old ones an end): drops its entries without refusing new
     * ones, so that each credential's new end is read again; returns how many were dropped.
     */
    int refreshTicket(String ticketId);

    /** Revocations may have been missed (the feed's position was set anew): drops everything; returns how many. */
    long clear();
}
