package com.onecloud.auth.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.onecloud.revocation.RevocationFeed;

/** Waits for the revocation listener, for the tests whose assertions it could otherwise disturb. */
public final class Listening {

    private Listening() {
    }

    /** Waits for the first partition assignment: it empties the cache, so cache assertions must start after it. */
    public static void awaitAssignment(RevocationFeed listener) {
        await().atMost(Duration.ofSeconds(30)).until(listener::isListening);
    }
}
