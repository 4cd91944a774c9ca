package com.onecloud.auth.decision;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.onecloud.access.Decision;
import com.onecloud.access.DecisionRequest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The fast lane of {@link DecisionResource}: decides a JSON request straight from the router. Nearly every request
 * this service gets is the same small JSON call from a caller's decision client, mostly about a cached credential. The
 * layers this skips (Quarkus's HTTP security, which also matches a metrics path template per request, RESTEasy
 * Reactive, Mutiny with its context snapshots) allocated more than the decision did, and the allocation rate sets how
 * often the young generation is collected, so the latency tail.
 * <p>
 * It takes an HTTP/1.1 request with a declared length; other requests (HTTP/2, a chunked body, {@code Expect}) go on
 * to the resource unread. The decision itself, its validation and its failures are {@link DecisionService}'s, and a
 * failure is answered by http-conventions' failure handler with the same classifier and problem body as the resource's
 * exception mapper. The HTTP conventions filter runs before this route, as before every route.
 */
@ApplicationScoped
class DecisionFastLane {

    /** After the HTTP conventions filter (order -1000), before Quarkus's authentication (-200) and every route. */
    private static final int ORDER = -500;
    private static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    private final DecisionService decisions;
    private final ObjectReader requests;
    private final ObjectWriter answers;

    DecisionFastLane(DecisionService decisions, ObjectMapper json) {
        this.decisions = decisions;
        this.requests = json.readerFor(DecisionRequest.class);
        this.answers = json.writerFor(Decision.class);
    }

    void register(@Observes Router router) {
        router.post(DecisionResource.PATH).order(ORDER)
                .consumes("application/json").produces("application/json")
                .handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // A body read here could not be handed on to the resource over HTTP/2; these are not our callers' requests.
        if (request.version() != HttpVersion.HTTP_1_1 || !request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                || request.headers().contains(HttpHeaders.EXPECT)) {
            ctx.next();
            return;
        }
        request.body().onSuccess(body -> decide(ctx, body)).onFailure(ctx::fail);
        request.resume(); // Quarkus holds every request paused until a handler reads its body
    }

    private void decide(RoutingContext ctx, Buffer body) {
        Optional<Decision> known;
        try {
            // An empty body reads as no request, as the resource reads it.
            DecisionRequest request = body.length() == 0 ? null : requests.readValue(body.getBytes());
            known = decisions.decideFromMemory(request);
            if (known.isEmpty()) {
                decisions.decide(request).subscribe().with(decision -> answer(ctx, decision), ctx::fail);
                return;
            }
        } catch (IOException | RuntimeException e) {
            ctx.fail(e);
            return;
        }
        answer(ctx, known.get());
    }

    private void answer(RoutingContext ctx, Decision decision) {
        if (ctx.response().closed()) {
            return; // the caller hung up; its decision client has already given up on this answer
        }
        byte[] body;
        try {
            body = answers.writeValueAsBytes(decision);
        } catch (IOException e) {
            ctx.fail(e);
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).end(Buffer.buffer(body));
    }
}
