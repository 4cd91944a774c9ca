package com.onecloud.http.problem;

/** The request conflicts with the resource's current state: a duplicate, or a stale version. */
public class Conflict extends ApiException {

    public Conflict(String detail) {
        super(detail);
    }
}
