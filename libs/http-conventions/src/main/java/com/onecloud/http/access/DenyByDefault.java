package com.onecloud.http.access;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.jboss.logging.Logger;

import com.onecloud.http.access.EndpointAccess.Guarded;
import com.onecloud.http.access.EndpointAccess.Mistake;

import io.quarkus.runtime.StartupEvent;

/**
 * Contract §3 rule 8: every endpoint declares who may call it ({@link EndpointAccess}). Before anything else starts,
 * this reads the declaration of every resource method and refuses to start the service, naming each endpoint, when one
 * declares nothing or declares it wrongly, or when {@code @Protected} endpoints exist and no {@link AccessEnforcer}
 * does.
 */
@ApplicationScoped
public class DenyByDefault {

    private static final Logger LOG = Logger.getLogger(DenyByDefault.class);

    private final BeanManager beans;
    private final Instance<AccessEnforcer> enforcers;

    DenyByDefault(BeanManager beans, @Any Instance<AccessEnforcer> enforcers) {
        this.beans = beans;
        this.enforcers = enforcers;
    }

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        List<String> problems = new ArrayList<>();
        int guarded = 0;
        int internal = 0;
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            if (resource.isInterface() || !resource.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null && !method.isAnnotationPresent(Path.class)) {
                    continue;
                }
                EndpointAccess access = EndpointAccess.of(method, resource);
                if (access instanceof Mistake mistake) {
                    problems.add(describe(verb, resource, method) + " " + mistake.problem());
                } else if (access instanceof Guarded) {
                    guarded++;
                } else {
                    internal++;
                }
            }
        }
        if (guarded > 0 && enforcers.isUnsatisfied()) {
            problems.add(guarded + " @Protected endpoints, but nothing authenticates them (add libs/auth-client)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Deny by default: every endpoint declares who may call it, and these do not:"
                    + "\n  - " + String.join("\n  - ", problems));
        }
        LOG.infof("Endpoints declared: %d protected, %d internal", guarded, internal);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String describe(String verb, Class<?> resource, Method method) {
        Path sub = method.getAnnotation(Path.class);
        String path = resource.getAnnotation(Path.class).value() + (sub == null ? "" : "/" + sub.value());
        return (verb == null ? "(sub-resource)" : verb) + " " + path.replaceAll("/+", "/") + " ("
                + resource.getSimpleName() + "#" + method.getName() + ")";
    }
}
