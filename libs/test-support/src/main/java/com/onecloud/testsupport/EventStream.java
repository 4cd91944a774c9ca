package com.onecloud.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Server-Sent Events subscriber for tests, with the JDK's HTTP client: opens a stream and collects its events (and
 * counts its comment lines) on a thread of its own. {@link #next(Duration)} waits for the next event; {@link #END}
 * marks that the server closed the stream.
 */
public final class EventStream implements AutoCloseable {

    /** One event as received. */
    public record Event(String id, String name, String data) {

        public JsonNode json() {
            try {
                return READER.readTree(data);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + data, e);
            }
        }

        /** The changed item's {@code id}. */
        public String itemId() {
            return json().path("item").path("id").asText(null);
        }
    }

    private static final ObjectMapper READER = new ObjectMapper();

    /** Put after the last event when the server closed the stream. */
    public static final Event END = new Event(null, "(end)", null);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<java.io.InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final Thread reader;

    private EventStream(HttpResponse<java.io.InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Opens {@code url} with {@code Accept: text/event-stream} and {@code headers} (credentials, {@code Last-Event-ID})
     * and returns once the response's status line and headers arrived.
     */
    public static EventStream open(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            return new EventStream(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next event, {@link #END} once the stream was closed, or null if none came within {@code wait}. */
    public Event next(Duration wait) {
        try {
            Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (event == END) {
                events.add(END);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next {@code count} events; fails if they do not all come within {@code wait} each. */
    public List<Event> next(int count, Duration wait) {
        List<Event> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Event event = next(wait);
            if (event == null || event == END) {
                throw new AssertionError("expected " + count + " events, got " + received + " then "
                        + (event == null ? "nothing within " + wait : "the end of the stream"));
            }
            received.add(event);
        }
        return received;
    }

    /**
     * The next {@code count} events about item {@code itemId}, skipping any other: a change committed just before the
     * stream opened may still follow out of the outbox (README, "Subscriptions"). Fails if they do not all come within
     * {@code wait}.
     */
    public List<Event> nextAbout(String itemId, int count, Duration wait) {
        List<Event> found = new ArrayList<>();
        Instant giveUp = Instant.now().plus(wait);
        while (found.size() < count) {
            Duration left = Duration.between(Instant.now(), giveUp);
            Event event = left.isNegative() ? null : next(left);
            if (event == null || event == END) {
                throw new AssertionError("expected " + count + " events about " + itemId + ", got " + found + " then "
                        + (event == null ? "nothing within " + wait : "the end of the stream"));
            }
            if (itemId.equals(event.itemId())) {
                found.add(event);
            }
        }
        return found;
    }

    /** How many comment lines (heartbeats) arrived. */
    public int comments() {
        return comments.get();
    }

    /** The body of a refused subscription (a problem), read whole. */
    public String body() {
        try {
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
        reader.interrupt();
    }

    private void read() {
        if (response.statusCode() != 200) {
            events.add(END);
            return;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null || name != null) {
                        events.add(new Event(id, name == null ? "message" : name, data == null ? null : data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            events.add(END);
        }
    }
}
