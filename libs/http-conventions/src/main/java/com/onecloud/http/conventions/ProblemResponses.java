package com.onecloud.http.conventions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.onecloud.http.problem.ApiError;
import com.onecloud.http.problem.ProblemFormat;
import com.onecloud.http.problem.ProblemReporter;
import com.onecloud.http.problem.RenderedProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place where a problem becomes a response, whichever layer refused the request: the conventions filter and
 * the failure handler write it to the Vert.x response, the exception mapper returns it as a JAX-RS response. The body's
 * format follows the request's {@code Accept} (JSON when it allows neither format).
 */
@ApplicationScoped
public class ProblemResponses {

    private final ProblemReporter reporter;

    ProblemResponses(ProblemReporter reporter) {
        this.reporter = reporter;
    }

    /** Answers the request with the problem and ends the response. */
    public void send(RoutingContext ctx, ApiError error, Throwable cause) {
        RenderedProblem problem = render(ctx.request(), error, cause);
        var response = ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, problem.mediaType());
        problem.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(problem.body()));
    }

    /** The problem as the response of a REST endpoint. */
    public Response toResponse(HttpServerRequest request, ApiError error, Throwable cause) {
        RenderedProblem problem = render(request, error, cause);
        Response.ResponseBuilder response = Response.status(problem.status()).type(problem.mediaType())
                .entity(problem.body());
        problem.headers().forEach(response::header);
        return response.build();
    }

    private RenderedProblem render(HttpServerRequest request, ApiError error, Throwable cause) {
        ProblemFormat format = MediaNegotiation.negotiate(request.getHeader(HttpHeaders.ACCEPT)).orElse(ProblemFormat.JSON);
        return reporter.report(error, cause, request.method().name(), request.path(), format);
    }
}
