package com.onecloud.ticket.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every token and secret the tests issued or presented, so the log test can prove none was written. */
public final class IssuedCredentials {

    private static final Set<String> ALL = ConcurrentHashMap.newKeySet();

    private IssuedCredentials() {
    }

    public static void remember(String token, String secret) {
        if (token != null) {
            ALL.add(token);
        }
        if (secret != null) {
            ALL.add(secret);
        }
    }

    public static Set<String> all() {
        return Set.copyOf(ALL);
    }
}
