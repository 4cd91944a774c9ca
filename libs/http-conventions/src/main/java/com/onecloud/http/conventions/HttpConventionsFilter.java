package com.onecloud.http.conventions;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.onecloud.http.problem.ApiError;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Applies the contract's HTTP conventions before any route is chosen: header checks, the body size limit and the
 * method override. An overridden request is re-routed with its effective method, so routing, authorization, the
 * access log and metrics all see PUT or DELETE rather than POST. Management endpoints under {@code /q/} keep their own
 * media types and are left alone.
 */
@ApplicationScoped
public class HttpConventionsFilter {

    /** Above Quarkus's own filters (CORS is 300), so that nothing sees a request before its method is settled. */
    static final int PRIORITY = 1000;
    private static final String OVERRIDE_APPLIED = "onecloud.method-override-applied";

    private final ProblemResponses problems;
    private final long maxBodyBytes;

    HttpConventionsFilter(ProblemResponses problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.problems = problems;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // The normalised path, as routing sees it: /q/../api/... is an API request, not a management one.
        if (ctx.normalizedPath().startsWith("/q/") || ctx.get(OVERRIDE_APPLIED) != null) {
            ctx.next();
            return;
        }
        if (MediaNegotiation.negotiate(request.getHeader(HttpHeaders.ACCEPT)).isEmpty()) {
            refuse(ctx, ApiError.invalid("Accept", "Accept must allow application/json or application/xml."));
            return;
        }
        // Most requests carry no override: no list is allocated for them.
        MethodOverride.Decision decision = MethodOverride.decide(request.method().name(),
                request.headers().contains(MethodOverride.HEADER) ? request.headers().getAll(MethodOverride.HEADER)
                        : List.of());
        if (decision instanceof MethodOverride.Reject reject) {
            refuse(ctx, ApiError.invalid(MethodOverride.HEADER, reject.message()));
        } else if (decision instanceof MethodOverride.NotImplemented notImplemented) {
            refuse(ctx, ApiError.of(501, notImplemented.message()));
        } else if (hasBody(request) && !MediaNegotiation.isSupportedContentType(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            refuse(ctx, ApiError.invalid("Content-Type", "Content-Type must be application/json or application/xml."));
        } else if (declaredLength(request) > maxBodyBytes) {
            refuse(ctx, ApiError.of(413, "The request body is larger than " + maxBodyBytes + " bytes."));
        } else if (decision instanceof MethodOverride.Override override) {
            ctx.put(OVERRIDE_APPLIED, Boolean.TRUE);
            ctx.reroute(HttpMethod.valueOf(override.method()), request.uri());
        } else {
            ctx.next();
        }
    }

    private void refuse(RoutingContext ctx, ApiError error) {
        problems.send(ctx, error, null);
    }

    private static boolean hasBody(HttpServerRequest request) {
        return declaredLength(request) > 0 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
