package com.onecloud.testsupport.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A deliberately naive HTTP/1.1 client that sends exactly the bytes it is given: a path with dot segments or
 * {@code %00} as written, a control character in a header, any method, a length that lies. Ordinary clients refuse
 * or repair all of these, which is why a bad-input corpus cannot use them. One request per connection.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 15_000;

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A response as it arrived; header names are kept as sent, looked up without regard to case. */
    public record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The media type without parameters, lower case, or "" when there is none. */
        public String mediaType() {
            return header("Content-Type").map(v -> v.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
        }
    }

    /**
     * Sends {@code head} (the request line and headers, each ending in CRLF, without the blank line) and
     * {@code body}; adds {@code Host} and {@code Connection: close} unless the head has them.
     */
    public Response send(String head, byte[] body) {
        StringBuilder request = new StringBuilder(head);
        String lower = head.toLowerCase(Locale.ROOT);
        if (!lower.contains("\r\nhost:")) {
            request.append("Host: ").append(host).append(':').append(port).append("\r\n");
        }
        if (!lower.contains("\r\nconnection:")) {
            request.append("Connection: close\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedWhileSending) {
                // A server may answer (413) and close before it has read all of a large body: read what it said.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + host + ":" + port, e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headEnd < 0) {
            throw new IllegalStateException("not an HTTP response: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        boolean chunked = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
                && h.getValue().toLowerCase(Locale.ROOT).contains("chunked"));
        return new Response(status, List.copyOf(headers), chunked ? dechunk(body) : body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
