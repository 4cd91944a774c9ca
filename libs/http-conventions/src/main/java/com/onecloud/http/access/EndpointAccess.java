package com.onecloud.http.access;

import java.lang.reflect.Method;

import com.onecloud.access.Internal;
import com.onecloud.access.Protected;

/**
 * What an endpoint declares about who may call it (contract §3 rule 8: deny by default). The method's declaration wins
 * over its class's; declaring nothing, both, or more than one API is a mistake that keeps the service from starting.
 */
public sealed interface EndpointAccess {

    /** Authenticated and authorized by auth-service on every request. */
    record Guarded(Protected protection) implements EndpointAccess {
    }

    /** Served without a credential: unreachable from outside the cluster. */
    record InternalOnly(String reason) implements EndpointAccess {
    }

    /** Never served. */
    record Mistake(String problem) implements EndpointAccess {
    }

    static EndpointAccess of(Method method, Class<?> resource) {
        EndpointAccess declared = declaredOn(method.getAnnotation(Protected.class), method.getAnnotation(Internal.class));
        if (declared == null) {
            declared = declaredOn(resource.getAnnotation(Protected.class), resource.getAnnotation(Internal.class));
        }
        return declared != null ? declared
                : new Mistake("declares neither @Protected nor @Internal, on the method or its class");
    }

    private static EndpointAccess declaredOn(Protected protection, Internal internal) {
        if (protection != null && internal != null) {
            return new Mistake("declares both @Protected and @Internal");
        }
        if (protection != null) {
            return protection.api().length > 1
                    ? new Mistake("names " + protection.api().length + " APIs; an endpoint belongs to at most one")
                    : new Guarded(protection);
        }
        if (internal != null) {
            return internal.value().isBlank() ? new Mistake("declares @Internal without saying why")
                    : new InternalOnly(internal.value());
        }
        return null;
    }
}
