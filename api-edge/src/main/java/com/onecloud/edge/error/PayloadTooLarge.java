package com.onecloud.edge.error;

/** The request body is larger than the configured limit. */
public class PayloadTooLarge extends ApiException {

    public PayloadTooLarge(String detail) {
        super(detail);
    }
}
