package com.onecloud.http.conventions;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * Which methods each REST path accepts, for the {@code Allow} header of a 405 (Quarkus REST raises 405 without it).
 * Built once, on first use, from the {@code @Path} resource beans of the application.
 */
@Singleton
public class AllowedMethods {

    private final BeanManager beans;
    private volatile List<Route> routes;

    AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    /** The methods allowed on {@code path}, as an {@code Allow} header value, or empty if no route matches it. */
    public Optional<String> allowFor(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.pattern.matcher(path).matches()) {
                methods.add(route.method);
            }
        }
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return Optional.of(String.join(", ", methods));
    }

    private List<Route> routes() {
        List<Route> result = routes;
        if (result == null) {
            result = scan();
            routes = result;
        }
        return result;
    }

    private List<Route> scan() {
        List<Route> result = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod != null) {
                    Path methodPath = method.getAnnotation(Path.class);
                    String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                    result.add(new Route(httpMethod, toPattern(template)));
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

    /** {@code /a/{id}/b} becomes {@code /a/[^/]+/b}; a template parameter's own regex is not needed here. */
    static Pattern toPattern(String template) {
        StringBuilder regex = new StringBuilder();
        int depth = 0;
        StringBuilder literal = new StringBuilder();
        for (char c : template.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
            } else if (c == '}') {
                if (--depth == 0) {
                    regex.append("[^/]+");
                }
            } else if (depth == 0) {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex + "/?");
    }

    private record Route(String method, Pattern pattern) {
    }
}
