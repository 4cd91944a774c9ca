package com.onecloud.http.conventions;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import io.vertx.core.http.impl.HttpUtils;

/**
 * Which methods each REST path accepts, for the {@code Allow} header of a 405 (Quarkus REST raises 405 without it)
 * and the answer to {@code OPTIONS}, so that the two always agree. Built once, on first use, from the application's
 * {@link Endpoints}. A path is matched as routing matches it: after removing dot segments, and only against the most
 * specific templates that match it (the most literal characters, as JAX-RS orders them), since routing never falls
 * back from {@code /contacts/search} to {@code /contacts/{id}} for a method the first lacks.
 */
@Singleton
public class AllowedMethods {

    private final Endpoints endpoints;
    private volatile List<Route> routes;

    AllowedMethods(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The methods allowed on {@code path}, as an {@code Allow} header value, or empty if no route matches it. */
    public Optional<String> allowFor(String path) {
        String normalized = HttpUtils.normalizePath(path);
        Set<String> methods = new TreeSet<>();
        int mostLiteral = -1;
        for (Route route : routes()) {
            if (route.literalChars < mostLiteral || !route.pattern.matcher(normalized).matches()) {
                continue;
            }
            if (route.literalChars > mostLiteral) {
                methods.clear();
                mostLiteral = route.literalChars;
            }
            methods.add(route.method);
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
        return endpoints.all().stream().filter(e -> e.httpMethod() != null)
                .map(e -> new Route(e.httpMethod(), toPattern(e.template()), literalChars(e.template()))).toList();
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

    /** The characters of a template outside its {@code {parameters}}, JAX-RS's first measure of specificity. */
    static int literalChars(String template) {
        int count = 0;
        int depth = 0;
        for (char c : template.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                count++;
            }
        }
        return count;
    }

    private record Route(String method, Pattern pattern, int literalChars) {
    }
}
