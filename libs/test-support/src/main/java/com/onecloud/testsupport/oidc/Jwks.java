package com.onecloud.testsupport.oidc;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/** An RSA public key as an OpenID Connect provider publishes it: a JWK Set of one signing key (RFC 7517). */
public final class Jwks {

    private Jwks() {
    }

    public static String of(RSAPublicKey key, String keyId) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId + "\","
                + "\"n\":\"" + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent())
                + "\"}]}";
    }

    /** RFC 7518 §6.3.1: unsigned big-endian, no leading zero byte. */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
