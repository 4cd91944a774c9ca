package com.onecloud.access.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashing of tokens and secrets. A plain SHA-256 is the right tool here, not a password hash: tokens and secrets are
 * 190+ random bits, so no dictionary or brute force applies, and a slow KDF would only slow down every request.
 * Comparison is constant-time.
 */
public final class CredentialHash {

    /**
     * One digest per thread: {@code MessageDigest.getInstance} looks the provider up and instantiates it reflectively
     * at every call, which was 2 % of a warm decision's CPU. {@code digest} resets it for the next use.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(CredentialHash::newSha256);

    private CredentialHash() {
    }

    public static byte[] sha256(String value) {
        return SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex of the SHA-256, for cache keys: a credential is never kept in memory longer than one request. */
    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Whether {@code presented} hashes to {@code storedHash}, in time independent of where they differ. */
    public static boolean matches(String presented, byte[] storedHash) {
        return presented != null && storedHash != null && MessageDigest.isEqual(sha256(presented), storedHash);
    }
}
