package com.onecloud.platform;

/** A problem starting the local platform that the user can fix; its message says how. */
public class PlatformException extends RuntimeException {

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
