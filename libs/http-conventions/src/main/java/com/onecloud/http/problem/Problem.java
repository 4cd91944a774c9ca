package com.onecloud.http.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body with OneCloud's two extension members: {@code logToken}, which the service's log
 * holds beside the error, and {@code validationResult}, present on 400 responses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String logToken,
        List<Violation> validationResult) {

    public static final String TYPE_BLANK = "about:blank";
}
