package com.onecloud.http.conventions;

import java.util.List;
import java.util.Locale;

/**
 * The {@code X-HTTP-Method-Override} rule of the contract: only a POST may carry it, only PUT and DELETE are honoured
 * (case-insensitive), PATCH, direct or overridden, is not implemented, and any other value is a bad request.
 */
public final class MethodOverride {

    public static final String HEADER = "X-HTTP-Method-Override";

    public sealed interface Decision {
    }

    /** Handle the request with the method it arrived with. */
    public record Keep() implements Decision {
    }

    /** Handle the request in every respect as {@code method}. */
    public record Override(String method) implements Decision {
    }

    public record Reject(String message) implements Decision {
    }

    public record NotImplemented(String message) implements Decision {
    }

    private static final Keep KEEP = new Keep();

    private MethodOverride() {
    }

    public static Decision decide(String method, List<String> overrideValues) {
        if (overrideValues.isEmpty()) {
            return "PATCH".equals(method) ? new NotImplemented("PATCH is not implemented.") : KEEP;
        }
        if (!"POST".equals(method)) {
            return new Reject(HEADER + " is only allowed on POST requests.");
        }
        if (overrideValues.size() > 1) {
            return new Reject(HEADER + " must be given once.");
        }
        String value = overrideValues.get(0).trim().toUpperCase(Locale.ROOT);
        return switch (value) {
            case "PUT", "DELETE" -> new Override(value);
            case "PATCH" -> new NotImplemented("PATCH is not implemented.");
            default -> new Reject(HEADER + " must be PUT or DELETE.");
        };
    }
}
