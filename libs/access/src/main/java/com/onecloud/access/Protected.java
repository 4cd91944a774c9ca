package com.onecloud.access;


import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares who may call an endpoint (on the resource class or method; the method wins). Every request to it is
 * authenticated and authorized by auth-service before the method runs; the method then reads the caller from
 * the auth client's {@code Caller}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Protected {

    Audience audience();

    /** The API the endpoint belongs to; empty when the audience alone decides (e.g. organizations: PLATFORM). */
    Api[] api() default {};
}
