package com.onecloud.console.live;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/** The relay's own last words to a page (console.js acts on each), besides the API's events it passes on. */
enum LiveSignal {
    /** The credential is no longer accepted: the page reloads, which signs the browser out. */
    UNAUTHORIZED("unauthorized"),
    /** The API cannot be asked now: the page says it no longer updates live. */
    UNAVAILABLE("unavailable"),
    /** The session's idle time is up: the page reloads, which signs the browser out. */
    IDLE("idle");

    private final String wireName;

    LiveSignal(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** An event with data: a browser dispatches no event without it. */
    OutboundSseEvent event(Sse sse) {
        return sse.newEventBuilder().name(wireName).data(wireName).build();
    }
}
