package com.onecloud.revocation;

import java.time.Instant;

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
     * The ticket was rotated: {@code currentCredentialId} is its new credential, and every other one ends at
     * {@code othersEndAt} (the grace's end). Drops the ticket's entries without refusing new ones, and never keeps an
     * entry of another credential past that end, even one verified by a source that has not heard of the rotation
     * yet; returns how many were dropped.
     */
    int rotated(String ticketId, String currentCredentialId, Instant othersEndAt);

    /** Revocations may have been missed (the feed's position was set anew): drops everything; returns how many. */
    long clear();
}
