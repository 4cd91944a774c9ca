package com.onecloud.edge.error;

/** A valid request for something OneCloud does not implement yet (e.g. PATCH). */
public class NotImplemented extends ApiException {

    public NotImplemented(String detail) {
        super(detail);
    }
}
