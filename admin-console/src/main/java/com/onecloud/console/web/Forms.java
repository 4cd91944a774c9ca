package com.onecloud.console.web;

/** How HTML form fields read as API values. */
public final class Forms {

    private Forms() {
    }

    /** An HTML checkbox sends its value when ticked and nothing when not. */
    public static boolean checked(String value) {
        return value != null && !value.isBlank();
    }

    /** The version the form was read at; a missing or garbled one can only be stale, and the API answers 409. */
    public static long version(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A text field as the API takes it: trimmed, and absent rather than empty. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
