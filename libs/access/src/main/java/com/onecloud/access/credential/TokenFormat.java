package com.onecloud.access.credential;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The OneCloud token format: {@code oc_<credentialId>_<random><checksum>}.
 * <ul>
 * <li>{@code oc_} makes a leaked token recognisable to secret scanners;</li>
 * <li>the credential id (16 base62 characters) is public and makes verification a lookup by id, never a scan;</li>
 * <li>the random part is 32 base62 characters from a CSPRNG (about 190 bits);</li>
 * <li>the checksum (6 base62 characters of a CRC-32 over everything before it) rejects a mistyped or truncated
 * token before any lookup.</li>
 * </ul>
 * Secrets are 40 base62 characters from a CSPRNG (about 238 bits). Only SHA-256 hashes of both are stored.
 */
public final class TokenFormat {

    public static final String PREFIX = "oc_";
    static final int ID_LENGTH = 16;
    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    static final int SECRET_LENGTH = 40;
    public static final int TOKEN_LENGTH = PREFIX.length() + ID_LENGTH + 1 + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private TokenFormat() {
    }

    /** A fresh public id for a credential, a ticket or any other record. */
    public static String newId() {
        return Base62.random(ID_LENGTH);
    }

    public static String newToken(String credentialId) {
        if (credentialId.length() != ID_LENGTH || !Base62.isBase62(credentialId)) {
            throw new IllegalArgumentException("a credential id is " + ID_LENGTH + " base62 characters");
        }
        String body = PREFIX + credentialId + "_" + Base62.random(RANDOM_LENGTH);
        return body + checksum(body);
    }

    public static String newSecret() {
        return Base62.random(SECRET_LENGTH);
    }

    /** The credential id of a well-formed token with a valid checksum; empty for anything else. */
    public static Optional<String> credentialId(String token) {
        if (token == null || token.length() != TOKEN_LENGTH || !token.startsWith(PREFIX)
                || token.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        String rest = token.substring(PREFIX.length() + ID_LENGTH + 1);
        if (!Base62.isBase62(id) || !Base62.isBase62(rest)) {
            return Optional.empty();
        }
        String body = token.substring(0, TOKEN_LENGTH - CHECKSUM_LENGTH);
        String checksum = token.substring(TOKEN_LENGTH - CHECKSUM_LENGTH);
        return checksum.equals(checksum(body)) ? Optional.of(id) : Optional.empty();
    }

    public static boolean isWellFormedSecret(String secret) {
        return secret != null && secret.length() == SECRET_LENGTH && Base62.isBase62(secret);
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.encode(crc.getValue(), CHECKSUM_LENGTH);
    }
}
