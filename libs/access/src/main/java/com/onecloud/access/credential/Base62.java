package com.onecloud.access.credential;

import java.security.SecureRandom;

/** Base62 text, random or encoded from a number: URL-safe, no padding, easy to copy. */
public final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Base62() {
    }

    /** {@code length} characters from a CSPRNG; each carries log2(62) ≈ 5.95 bits. */
    public static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    /** {@code value} (non-negative) in exactly {@code width} characters, left-padded with '0'. */
    static String encode(long value, int width) {
        char[] chars = new char[width];
        long v = value;
        for (int i = width - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(chars);
    }

    static boolean isBase62(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
