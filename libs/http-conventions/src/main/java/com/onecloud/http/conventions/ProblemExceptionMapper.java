package com.onecloud.http.conventions;

import java.util.Arrays;

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
import com.onecloud.http.problem.ApiError;
import com.onecloud.http.problem.ErrorClassifier;

import io.vertx.core.http.HttpServerRequest;

/**
 * Every exception that leaves a REST endpoint ends here. The types are listed explicitly because Quarkus ships its
 * own mappers for some of them, and a mapper registered for the exact type is the only one guaranteed to win.
 */
public class ProblemExceptionMapper {

    private final ProblemResponses problems;
    private final AllowedMethods allowedMethods;

    ProblemExceptionMapper(ProblemResponses problems, AllowedMethods allowedMethods) {
        this.problems = problems;
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper({ Throwable.class, WebApplicationException.class, ValidationException.class,
            ConstraintViolationException.class, JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, JAXBException.class })
    public Response toProblem(Throwable error, HttpServerRequest request) {
        return problems.toResponse(request, withAllowedMethods(ErrorClassifier.classify(error), error, request),
                error);
    }

    /**
     * A 405 names the allowed methods, always as {@link AllowedMethods} computes them, so that it agrees with
     * {@code OPTIONS} on the same path. The router also answers 404 for a method missing on a path that exists when
     * another resource's path is a prefix of it; that, too, is a 405.
     */
    private ApiError withAllowedMethods(ApiError apiError, Throwable error, HttpServerRequest request) {
        boolean routingMiss = error instanceof WebApplicationException && apiError.status() == 404;
        if (apiError.status() != 405 && !routingMiss) {
            return apiError;
        }
        String method = request.method().name();
        return allowedMethods.allowFor(request.path())
                .filter(allow -> apiError.status() == 405 || !Arrays.asList(allow.split(", ")).contains(method))
                .map(allow -> ApiError.of(405, "This method is not allowed on this resource.")
                        .withHeader(HttpHeaders.ALLOW, allow))
                .orElse(apiError);
    }
}
