package com.onecloud.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares who may call an endpoint (on the resource class or method; the method wins). Every request to it is
 * authenticated and authorized by auth-service before the method runs; the method then reads the caller from
 * the auth client's {@code Caller}. Every endpoint declares this or {@link Internal}: one that declares neither is
 * never served (contract §3 rule 8).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Protected {

    Audience audience();

    /**
     * The API the endpoint belongs to; empty when the audience alone decides (e.g. organizations: PLATFORM). At most
     * one: an API is a named group of endpoints (contract §1), so an endpoint belongs to one group or to none, and a
     * service that names two refuses to start.
     */
    Api[] api() default {};
}
