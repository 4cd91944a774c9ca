package com.onecloud.console.session;

/**
 * The request has no usable credential: none signed in, or the APIs answered 401 (revoked, expired, rotated out).
 * The browser is sent to sign in with the reason.
 */
public final class SignedOut extends RuntimeException {

    private final String reason;

    public SignedOut(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
