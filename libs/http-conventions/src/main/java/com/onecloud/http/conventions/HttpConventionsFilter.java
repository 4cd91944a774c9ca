package com.onecloud.http.conventions;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.onecloud.http.problem.ApiError;
import com.onecloud.http.problem.ProblemFormat;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Applies the contract's HTTP conventions before any route is chosen: header checks, characters in the URI that no
 * field may hold ({@link UriText}), the body size limit and the method override. An overridden request is re-routed
 * with its effective method, so routing, authorization, the access log and metrics all see PUT or DELETE rather than
 * POST. {@code OPTIONS} is answered here, with the {@code Allow} a 405 on the same path carries ({@link AllowedMethods}),
 * or 404 where no endpoint is. Management endpoints under {@code /q/} keep their own media types and are left alone.
 */
@ApplicationScoped
public class HttpConventionsFilter {

    /** Above Quarkus's own filters (CORS is 300), so that nothing sees a request before its method is settled. */
    static final int PRIORITY = 1000;
    private static final String OVERRIDE_APPLIED = "onecloud.method-override-applied";

    private final ProblemResponses problems;
    private final AllowedMethods allowedMethods;
    private final long maxBodyBytes;
    private final BodyHandler chunkedBodies;
    private final boolean cors;

    HttpConventionsFilter(ProblemResponses problems, AllowedMethods allowedMethods,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean cors) {
        this.problems = problems;
        this.allowedMethods = allowedMethods;
        this.cors = cors;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes).setMergeFormAttributes(false);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // The normalised path, as routing sees it: /q/../api/... is an API request, not a management one.
        if (ctx.normalizedPath().startsWith("/q/")) {
            ctx.next();
            return;
        }
        if (ctx.get(OVERRIDE_APPLIED) != null) {
            proceed(ctx);
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        Optional<ProblemFormat> format = MediaNegotiation.negotiate(accept);
        if (format.isEmpty()
                && !(request.method() == HttpMethod.GET && MediaNegotiation.asksForEventStream(accept))) {
            refuse(ctx, ApiError.invalid("Accept", "Accept must allow application/json or application/xml."));
            return;
        }
        if (format.isPresent() && MediaNegotiation.namesProblemType(accept)) {
            // Routing knows the representations, not the problem types that stand for them.
            request.headers().set(HttpHeaders.ACCEPT, format.get() == ProblemFormat.XML ? "application/xml"
                    : "application/json");
        }
        ApiError uriRefusal = UriText.refusal(request.path(), request.query());
        if (uriRefusal != null) {
            refuse(ctx, uriRefusal);
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
        } else if (request.method() == HttpMethod.OPTIONS && !isCorsPreflight(request)) {
            answerOptions(ctx);
        } else {
            proceed(ctx);
        }
    }

    /**
     * Passes the request on. A body without a declared length is read here first, within the limit: the limit's
     * refusal is then a 413 problem like any other (Quarkus REST, reading it itself, would answer a bare 413), and
     * routing finds the body already read.
     */
    private void proceed(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                && !request.headers().contains(HttpHeaders.CONTENT_LENGTH) && ctx.body().buffer() == null) {
            chunkedBodies.handle(ctx);
        } else {
            ctx.next();
        }
    }

    private void answerOptions(RoutingContext ctx) {
        allowedMethods.allowFor(ctx.normalizedPath()).ifPresentOrElse(
                allow -> ctx.response().setStatusCode(200).putHeader("Allow", allow)
                        .putHeader(HttpHeaders.CONTENT_LENGTH, "0").end(),
                () -> refuse(ctx, ApiError.of(404, "No resource exists at this path.")));
    }

    /** A CORS preflight is the CORS filter's to answer, where CORS is configured. */
    private boolean isCorsPreflight(HttpServerRequest request) {
        return cors && request.headers().contains(HttpHeaders.ORIGIN)
                && request.headers().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
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
