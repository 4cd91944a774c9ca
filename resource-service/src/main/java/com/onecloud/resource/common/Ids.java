package com.onecloud.resource.common;

import com.onecloud.access.credential.TokenFormat;

/** Ids of this service's resources: opaque, 16 base62 characters. */
public final class Ids {

    private Ids() {
    }

    public static String next() {
        return TokenFormat.newId();
    }
}
