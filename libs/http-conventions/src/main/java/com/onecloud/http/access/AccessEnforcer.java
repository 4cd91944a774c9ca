package com.onecloud.http.access;

/**
 * A bean that authenticates and authorizes every request to a {@code @Protected} endpoint (the auth client's
 * filter). A service with such endpoints and no enforcer would serve them to anyone, so it refuses to start
 * ({@link DenyByDefault}).
 */
public interface AccessEnforcer {
}
