package com.onecloud.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an endpoint served without a credential because it is not reachable from outside the cluster: no ingress
 * route leads to it and a network policy admits only the platform's own services (auth-service's decision API), or it
 * exists only in a build that is never deployed (the benchmark build). The opposite of {@link Protected}; every endpoint
 * declares one of the two.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Internal {

    /** Why the endpoint needs no credential, for a reviewer. */
    String value();
}
