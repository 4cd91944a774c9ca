package com.onecloud.http.problem;

/** The resource does not exist or is not visible to the caller (another tenant's resource reads as missing). */
public class NotFound extends ApiException {

    public NotFound(String detail) {
        super(detail);
    }
}
