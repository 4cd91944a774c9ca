package com.onecloud.http.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.jboss.logging.Logger;

/**
 * The Java resource methods behind a service's OpenAPI operations, found the way routing finds them: by HTTP method and
 * path template. The resource classes come from the Jandex indexes on the class path ({@code META-INF/jandex.idx},
 * written by the {@code jandex-maven-plugin} of every module that has REST resources), because an OpenAPI filter runs
 * at build time, before any bean exists to ask.
 */
final class JavaOperations {

    private static final Logger LOG = Logger.getLogger(JavaOperations.class);
    private static final DotName PATH = DotName.createSimple(Path.class.getName());

    /** One resource method, e.g. {@code GET /api/user/v1/contacts/{id}} is {@code ContactResource#get}. */
    record JavaOperation(String httpMethod, String template, Class<?> resource, Method method) {

        String describe() {
            return resource.getName() + "#" + method.getName();
        }
    }

    private final Map<String, List<JavaOperation>> byKey;

    private JavaOperations(Collection<JavaOperation> operations) {
        this.byKey = operations.stream().collect(Collectors.groupingBy(o -> key(o.httpMethod(), o.template())));
    }

    /** The resource methods of the given classes (tests name them directly). */
    static JavaOperations of(Collection<Class<?>> resources) {
        List<JavaOperation> operations = new ArrayList<>();
        for (Class<?> resource : new LinkedHashSet<>(resources)) {
            operations.addAll(operationsOf(resource));
        }
        return new JavaOperations(operations);
    }

    /** The resource methods of every {@code @Path} class in the Jandex indexes the class loader sees. */
    static JavaOperations scan(ClassLoader loader) {
        Set<Class<?>> resources = new LinkedHashSet<>();
        try {
            Enumeration<URL> indexes = loader.getResources("META-INF/jandex.idx");
            while (indexes.hasMoreElements()) {
                URL url = indexes.nextElement();
                for (String name : resourceClassNames(read(url))) {
                    try {
                        resources.add(Class.forName(name, false, loader));
                    } catch (ClassNotFoundException | LinkageError e) {
                        LOG.debugf("resource class %s of %s cannot be loaded: %s", name, url, e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the Jandex indexes", e);
        }
        return of(resources);
    }

    /** The resource method that serves {@code httpMethod} on the OpenAPI {@code path}; empty if none or several do. */
    Optional<JavaOperation> find(String httpMethod, String path) {
        List<JavaOperation> candidates = byKey.getOrDefault(key(httpMethod, path), List.of());
        if (candidates.size() > 1) {
            LOG.warnf("%s %s is served by several methods: %s", httpMethod, path,
                    candidates.stream().map(JavaOperation::describe).toList());
            return Optional.empty();
        }
        return candidates.stream().findFirst();
    }

    private static IndexView read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new IndexReader(in).read();
        }
    }

    private static List<String> resourceClassNames(IndexView index) {
        return index.getAnnotations(PATH).stream()
                .filter(a -> a.target().kind() == AnnotationTarget.Kind.CLASS)
                .map(a -> a.target().asClass().name().toString())
                .toList();
    }

    private static List<JavaOperation> operationsOf(Class<?> resource) {
        Path classPath = resource.getAnnotation(Path.class);
        if (classPath == null || resource.isInterface() || Modifier.isAbstract(resource.getModifiers())) {
            return List.of();
        }
        List<JavaOperation> result = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            String httpMethod = httpMethodOf(method);
            if (httpMethod != null && !ApiDocs.isHidden(method)) {
                Path methodPath = method.getAnnotation(Path.class);
                String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                result.add(new JavaOperation(httpMethod, template, resource, method));
            }
        }
        return result;
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
        return normalise("/" + classPath + "/" + methodPath);
    }

    private static String key(String httpMethod, String path) {
        return httpMethod.toUpperCase() + " " + normalise(path);
    }

    /** One slash between segments, none at the end, and {@code {id: [0-9]+}} written {@code {id}} as OpenAPI does. */
    private static String normalise(String path) {
        String result = path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return result.length() > 1 && result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
    }
}
