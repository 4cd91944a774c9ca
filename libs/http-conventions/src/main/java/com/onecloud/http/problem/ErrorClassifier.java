package com.onecloud.http.problem;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.xml.bind.UnmarshalException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.onecloud.http.conventions.StorableText;

/**
 * The one place that turns an exception into an HTTP error. Domain exceptions map through a class-to-status table
 * that walks the superclass chain; framework exceptions are translated so that clients see the contract's statuses
 * (e.g. 415/406 become 400 naming the header). Anything unrecognised is a 500 whose detail says nothing internal.
 */
public final class ErrorClassifier {

    private static final Map<Class<? extends ApiException>, Integer> STATUS = Map.of(
            InvalidInput.class, 400,
            Unauthenticated.class, 401,
            Forbidden.class, 403,
            NotFound.class, 404,
            Conflict.class, 409,
            Unavailable.class, 503);

    static final String UNEXPECTED = "An unexpected error occurred.";

    private ErrorClassifier() {
    }

    public static ApiError classify(Throwable error) {
        if (error instanceof ApiException api) {
            return new ApiError(statusOf(api.getClass()), api.getMessage(), api.violations(), api.headers());
        }
        if (error instanceof ConstraintViolationException cve) {
            return constraintViolations(cve);
        }
        Throwable bodyError = bodyErrorIn(error);
        if (bodyError != null) {
            return malformedBody(bodyError);
        }
        if (error instanceof WebApplicationException wae) {
            return fromFramework(wae);
        }
        return ApiError.of(500, UNEXPECTED);
    }

    /** A failure known only by its status (e.g. the HTTP layer refusing a body that grew too large). */
    public static ApiError classifyStatus(int status) {
        return fromStatus(status, null);
    }

    public static int statusOf(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Integer status = STATUS.get(c);
            if (status != null) {
                return status;
            }
        }
        return 500;
    }

    private static ApiError constraintViolations(ConstraintViolationException cve) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            violations.add(new Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return new ApiError(400, "The request is invalid.", violations, Map.of());
    }

    /** {@code create.arg0.email} reads as {@code email}; a violation of a whole parameter reads as {@code body}. */
    private static String fieldOf(Path path) {
        String last = null;
        String previous = null;
        for (Path.Node node : path) {
            previous = last;
            last = node.getName();
        }
        if (last == null || last.startsWith("arg") && previous != null && !previous.startsWith("arg")) {
            return "body";
        }
        return last;
    }

    /** An error reading the request body; an error writing the response is ours (500), not the client's. */
    private static Throwable bodyErrorIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            // StreamReadException: malformed JSON, a number out of its type's range; constraints: nesting, lengths.
            if (t instanceof StreamReadException || t instanceof StreamConstraintsException
                    || t instanceof MismatchedInputException
                    || t instanceof JsonMappingException m && m.getProcessor() instanceof JsonParser
                    || t instanceof UnmarshalException || t instanceof XMLStreamException) {
                return t;
            }
        }
        return null;
    }

    private static ApiError malformedBody(Throwable error) {
        if (error instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            return ApiError.invalid(field, "Unknown field '" + field + "'.");
        }
        if (error instanceof JsonMappingException mapping && !(error instanceof JsonParseException)
                && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            return ApiError.invalid(field, "Field '" + field + "' " + whatIsWrong(mapping) + ".");
        }
        String duplicate = duplicateField(error);
        if (duplicate != null) {
            return ApiError.invalid(duplicate, "Field '" + duplicate + "' is given more than once.");
        }
        if (error instanceof JsonProcessingException) {
            return ApiError.invalid("body", "The body is not well-formed JSON of the expected shape.");
        }
        return ApiError.invalid("body", "The body is not well-formed XML of the expected shape.");
    }

    /** What a field's value lacks, from the type it was read for; never the Java type's name. */
    private static String whatIsWrong(JsonMappingException mapping) {
        if (mapping.getCause() instanceof InputCoercionException) {
            return "is out of the range of its type";
        }
        if (mapping.getCause() instanceof JsonParseException) {
            return "is not well-formed JSON";
        }
        if (!(mapping instanceof MismatchedInputException mismatch) || mismatch.getTargetType() == null) {
            return "has a value of the wrong type or format";
        }
        Class<?> target = mismatch.getTargetType();
        if (target == String.class) {
            // A string is refused for a String field only for its characters (StrictJson); anything else is a type.
            return mismatch instanceof InvalidFormatException f && f.getValue() instanceof String ? StorableText.REFUSED
                    : "must be a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class) {
            return "must be an integer";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (TemporalAccessor.class.isAssignableFrom(target)) {
            return "must be an ISO-8601 time, e.g. 2030-01-31T12:00:00Z";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a list";
        }
        return "has a value of the wrong type or format";
    }

    /** Jackson reports a repeated field (STRICT_DUPLICATE_DETECTION) only in its message: "Duplicate field 'x'". */
    private static String duplicateField(Throwable error) {
        if (!(error instanceof JsonParseException) || error.getMessage() == null) {
            return null;
        }
        String message = error.getMessage();
        String prefix = "Duplicate field '";
        int start = message.indexOf(prefix);
        int end = start < 0 ? -1 : message.indexOf('\'', start + prefix.length());
        return end < 0 ? null : message.substring(start + prefix.length(), end);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ApiError fromFramework(WebApplicationException wae) {
        return fromStatus(wae.getResponse().getStatus(), wae.getResponse().getHeaderString(HttpHeaders.ALLOW));
    }

    private static ApiError fromStatus(int status, String allow) {
        return switch (status) {
            case 404 -> ApiError.of(404, "No resource exists at this path.");
            case 405 -> {
                ApiError error = ApiError.of(405, "This method is not allowed on this resource.");
                yield allow == null ? error : error.withHeader(HttpHeaders.ALLOW, allow);
            }
            case 406 -> ApiError.invalid(HttpHeaders.ACCEPT,
                    "Accept must allow application/json or application/xml.");
            case 415 -> ApiError.invalid(HttpHeaders.CONTENT_TYPE,
                    "Content-Type must be application/json or application/xml.");
            case 413 -> ApiError.of(413, "The request body is larger than the limit.");
            case 400 -> ApiError.invalid("request", "The request is malformed.");
            default -> status >= 400 && status < 500 ? ApiError.of(status, "The request was refused.")
                    : ApiError.of(500, UNEXPECTED);
        };
    }
}
