package com.onecloud.resource.common;

/** Field rules shared by users and contacts. */
public final class Fields {

    /** E.164: a '+', then up to 15 digits, the first not 0. */
    public static final String E164 = "^\\+[1-9][0-9]{1,14}$";
    public static final String E164_MESSAGE = "must be an E.164 number, e.g. +358401234567";

    private Fields() {
    }
}
