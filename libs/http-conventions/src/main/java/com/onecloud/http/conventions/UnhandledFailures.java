package com.onecloud.http.conventions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.onecloud.http.problem.ApiError;
import com.onecloud.http.problem.ErrorClassifier;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * The last line of the error mapping: a failure that escapes the REST layer (a response writer failing, a body that
 * exceeds the limit while streaming, any route's failure) is answered with the same problem body, never with the
 * framework's HTML or JSON error page.
 */
@ApplicationScoped
public class UnhandledFailures {

    private final ProblemResponses problems;

    UnhandledFailures(ProblemResponses problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            // Part of the answer has left: nothing honest can be appended; end it so the client sees a broken body.
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        // Vert.x's own refusals (a body over the limit, an undecodable query) carry their status as an HttpException.
        ApiError error = failure instanceof HttpException refused ? ErrorClassifier.classifyStatus(refused.getStatusCode())
                : failure != null ? ErrorClassifier.classify(failure) : ErrorClassifier.classifyStatus(ctx.statusCode());
        problems.send(ctx, error, failure);
    }
}
