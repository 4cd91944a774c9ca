package com.onecloud.authclient;

/** The {@code WWW-Authenticate} values of contract §3 (RFC 6750 and RFC 7617). */
final class Challenges {

    static final String REALM = "realm=\"onecloud\"";
    /** No credential: offer both schemes. */
    static final String MISSING = "Bearer " + REALM + ", Basic " + REALM;
    static final String INVALID_TOKEN = "Bearer " + REALM + ", error=\"invalid_token\", Basic " + REALM;
    static final String INSUFFICIENT_SCOPE = "Bearer " + REALM + ", error=\"insufficient_scope\"";
    static final String INVALID_REQUEST = "Bearer " + REALM + ", error=\"invalid_request\"";

    private Challenges() {
    }
}
