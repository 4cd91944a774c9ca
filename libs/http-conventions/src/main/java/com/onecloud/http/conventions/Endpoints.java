package com.onecloud.http.conventions;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/** The REST endpoints of the application, read once from its {@code @Path} resource beans. */
@Singleton
public class Endpoints {

    /**
     * One resource method.
     *
     * @param httpMethod GET, POST, ...; null for a sub-resource locator (a {@code @Path} method without one)
     * @param template the full path template, e.g. {@code /api/user/v1/contacts/{id}}
     */
    public record Endpoint(String httpMethod, String template, Class<?> resource, Method method) {

        /** How a reader finds it: {@code GET /api/user/v1/contacts/{id} (ContactResource#get)}. */
        public String describe() {
            return (httpMethod == null ? "(sub-resource)" : httpMethod) + " " + template + " ("
                    + resource.getSimpleName() + "#" + method.getName() + ")";
        }
    }

    private final BeanManager beans;
    private volatile List<Endpoint> all;

    Endpoints(BeanManager beans) {
        this.beans = beans;
    }

    public List<Endpoint> all() {
        List<Endpoint> result = all;
        if (result == null) {
            result = scan();
            all = result;
        }
        return result;
    }

    private List<Endpoint> scan() {
        List<Endpoint> result = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || type.isInterface()) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethodOf(method);
                Path methodPath = method.getAnnotation(Path.class);
                if (httpMethod != null || methodPath != null) {
                    String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                    result.add(new Endpoint(httpMethod, template, type, method));
                }
            }
        }
        return List.copyOf(result);
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    private static String join(String classPath, String methodPath) {
        String joined = "/" + classPath + "/" + methodPath;
        joined = joined.replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
