package com.onecloud.console.api;

import java.util.List;

/**
 * What an API said when it refused a request, from its RFC 9457 problem body: the only parts a person needs, never
 * the raw body.
 *
 * @param status the HTTP status
 * @param detail the problem's {@code detail} (or its {@code title} when there is no detail)
 * @param logToken the token that finds the service's log entry, or null
 * @param fields the {@code validationResult} entries, each "field: message"
 */
public record ApiProblem(String service, int status, String detail, String logToken, List<String> fields) {

    /** One sentence for the page: who refused, why, and what to quote to an operator. */
    public String message() {
        return service + " refused this (" + status + "): " + detail;
    }
}
