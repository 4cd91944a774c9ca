package com.onecloud.http.problem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.onecloud.http.conventions.StorableText;

/**
 * Turns an {@link ApiError} into the response every OneCloud service sends for it: an RFC 9457 body with a fresh log
 * token, the {@code Warning: 703} header naming that token, and one log entry carrying the same token. Only a 5xx
 * logs its stack trace; the body never holds one.
 */
@Singleton
public class ProblemReporter {

    private static final Logger LOG = Logger.getLogger(ProblemReporter.class);

    private final String serviceName;

    ProblemReporter(@ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.serviceName = serviceName;
    }

    /**
     * @param path the request path without its query string, which may carry a credential ({@code ?t=})
     */
    public RenderedProblem report(ApiError error, Throwable cause, String method, String path, ProblemFormat format) {
        String logToken = newLogToken();
        String detail = StorableText.sanitize(error.detail());
        if (error.isServerError()) {
            // The stack trace that follows names the cause; the message need not repeat it.
            LOG.errorf(cause, "logToken=%s status=%d %s %s: %s", logToken, error.status(), method, path, detail);
        } else {
            LOG.infof("logToken=%s status=%d %s %s: %s", logToken, error.status(), method, path, detail);
        }
        Problem problem = new Problem(Problem.TYPE_BLANK, reasonPhrase(error.status()), error.status(),
                detail, path, logToken,
                error.status() == 400 ? sanitized(error.violations()) : null);
        Map<String, String> headers = new HashMap<>(error.headers());
        headers.put("Warning", "703 " + serviceName + " \"Error occurred, see " + logToken + "\"");
        return new RenderedProblem(error.status(), format.mediaType(), ProblemRenderer.render(problem, format), headers);
    }

    /** A field's name may echo what the client sent (an unknown field); the body must stay well-formed XML. */
    private static List<Violation> sanitized(List<Violation> violations) {
        return violations.stream().map(v -> new Violation(StorableText.sanitize(v.field()),
                StorableText.sanitize(v.message()))).toList();
    }

    private static String newLogToken() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
