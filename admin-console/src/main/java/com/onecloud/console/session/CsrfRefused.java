package com.onecloud.console.session;

/** A state-changing form came without this session's CSRF token: refused with 403 before anything is done. */
public final class CsrfRefused extends RuntimeException {

    public CsrfRefused() {
        super("CSRF token missing or wrong", null, false, false);
    }
}
