package com.onecloud.http.problem;

/** The two representations of a problem body; which one a client gets follows its {@code Accept} header. */
public enum ProblemFormat {
    JSON("application/problem+json"),
    XML("application/problem+xml");

    private final String mediaType;

    ProblemFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
