package com.onecloud.console.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The signed-in sessions this replica has signed out, so that a copy of such a session's cookie is refused rather
 * than taken as still signed in: the sealed cookie carries the whole session, and nothing else would remember the
 * sign-out. A session is known by its CSRF token, which is random and renewed at every sign-in (only its SHA-256 is
 * kept). An entry is kept until the session's idle time would have ended it anyway, so the memory this takes is
 * bounded by the sign-outs of one idle period. Other replicas do not hear of it: see docs/security.md.
 */
@ApplicationScoped
public class EndedSessions {

    private final Map<String, Long> endedUntil = new ConcurrentHashMap<>();

    /** Remembers that the session with this CSRF token ended, until epoch second {@code until}. */
    public void end(String csrf, long now, long until) {
        endedUntil.values().removeIf(end -> end <= now);
        endedUntil.put(digest(csrf), until);
    }

    public boolean ended(String csrf, long now) {
        Long until = endedUntil.get(digest(csrf));
        return until != null && until > now;
    }

    /** How many sessions are remembered: the bound on this class's memory. */
    int size() {
        return endedUntil.size();
    }

    private static String digest(String csrf) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(csrf.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
