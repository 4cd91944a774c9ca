package com.onecloud.edge.error;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.xml.bind.JAXBException;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.onecloud.edge.http.AllowedMethods;
import com.onecloud.edge.http.MediaNegotiation;
import com.onecloud.edge.problem.ProblemFormat;
import com.onecloud.edge.problem.ProblemReporter;
import com.onecloud.edge.problem.RenderedProblem;

import io.vertx.core.http.HttpServerRequest;

/**
 * Every exception that leaves a REST endpoint ends here. The types are listed explicitly because Quarkus ships its
 * own mappers for some of them, and a mapper registered for the exact type is the only one guaranteed to win.
 */
public class ProblemExceptionMapper {

    private final ProblemReporter problems;
    private final AllowedMethods allowedMethods;

    ProblemExceptionMapper(ProblemReporter problems, AllowedMethods allowedMethods) {
        this.problems = problems;
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper({ Throwable.class, WebApplicationException.class, ValidationException.class,
            ConstraintViolationException.class, JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, JAXBException.class })
    public Response toProblem(Throwable error, HttpServerRequest request, HttpHeaders headers) {
        ApiError apiError = ErrorClassifier.classify(error);
        if (apiError.status() == 405 && !apiError.headers().containsKey(HttpHeaders.ALLOW)) {
            apiError = allowedMethods.allowFor(request.path())
                    .map(allow -> ErrorClassifier.classify(error).withHeader(HttpHeaders.ALLOW, allow))
                    .orElse(apiError);
        }
        ProblemFormat format = MediaNegotiation.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT))
                .orElse(ProblemFormat.JSON);
        RenderedProblem problem = problems.report(apiError, error, request.method().name(), request.path(), format);
        Response.ResponseBuilder response = Response.status(problem.status()).type(problem.mediaType())
                .entity(problem.body());
        problem.headers().forEach(response::header);
        return response.build();
    }
}
