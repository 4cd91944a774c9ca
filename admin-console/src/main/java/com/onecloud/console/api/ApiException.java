package com.onecloud.console.api;

/** An API refused a request (4xx other than 401, or 5xx), or did not answer at all. */
public final class ApiException extends RuntimeException {

    private final ApiProblem problem;

    public ApiException(ApiProblem problem) {
        super(problem.message(), null, false, false);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
