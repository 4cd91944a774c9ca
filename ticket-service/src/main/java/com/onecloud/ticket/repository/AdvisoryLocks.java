package com.onecloud.ticket.repository;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL advisory locks held until the caller's transaction ends, and their keys. A key is the first 64 bits of
 * the SHA-256 of what it locks, so keys of different things collide only by chance, and a collision only makes one
 * transaction wait for an unrelated one. Locks are taken in statements of their own, never together with a read: a
 * statement that waited for a lock still reads its snapshot from before the wait, and only the next statement sees
 * what the holder committed.
 */
final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** The lock an organization's deletion holds exclusively and the issue of its tickets shares. */
    static long organization(String organizationId) {
        return key("organization", organizationId);
    }

    /** The lock a user's deletion holds exclusively and the issue of the user's tickets shares. */
    static long user(String organizationId, String userId) {
        return key("user", organizationId, userId);
    }

    /** The lock that keeps replicas from making the bootstrap ticket at the same time. */
    static long bootstrap() {
        return key("bootstrap");
    }

    /**
     * Waits until no transaction holds one of {@code keys} alone, and shares them until the caller's transaction ends;
     * all in one statement.
     */
    static Uni<Void> shared(long... keys) {
        StringBuilder sql = new StringBuilder("SELECT 1 FROM ");
        for (int i = 1; i <= keys.length; i++) {
            sql.append(i > 1 ? ", " : "").append("pg_advisory_xact_lock_shared(?").append(i).append(") l").append(i);
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < keys.length; i++) {
                query.setParameter(i + 1, keys[i]);
            }
            return query.getSingleResult();
        }).replaceWithVoid();
    }

    /** Waits for {@code key} alone, until the caller's transaction ends. */
    static Uni<Void> exclusive(long key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1)").setParameter(1, key).getSingleResult())
                .replaceWithVoid();
    }

    private static long key(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("onecloud.ticket-service".getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                sha256.update((byte) 0);
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return ByteBuffer.wrap(sha256.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
