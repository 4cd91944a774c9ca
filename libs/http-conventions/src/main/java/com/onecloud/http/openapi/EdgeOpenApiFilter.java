package com.onecloud.http.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.jboss.logging.Logger;

import com.onecloud.http.access.EndpointAccess;
import com.onecloud.http.paging.PageRequest;

/**
 * Adds to every service's OpenAPI document what the shared edge guarantees, so that a team consuming one service
 * needs nothing but that document (and a client generated from it works as generated):
 * <ul>
 * <li>on every operation the security requirement its endpoint really accepts, read from the same declaration the
 * authentication filter reads ({@code @Protected}/{@code @Internal}, {@link EndpointAccess}): the User API takes
 * {@code bearer} or {@code queryToken}, the Admin API and platform administration take {@code ticket}, an
 * {@code @Internal} endpoint none ({@code security: []}); and the contract's security schemes those requirements
 * name;</li>
 * <li>the RFC 9457 {@code Problem} schema and the problem responses each operation can give: 400, 500 and 503
 * always; 401 and 403 when it needs a credential; 404 when its path names a resource; 409 for a PUT (a stale
 * version); 413 when it takes a body;</li>
 * <li>what every service reads alike: the paging parameters ({@code PageRequest}), {@code If-Match}, and
 * {@code Location} on every 201.</li>
 * </ul>
 * It runs when Quarkus builds the document. An operation whose Java method cannot be found (see
 * {@link JavaOperations}) keeps no security requirement and is logged; the build's OpenAPI lint then fails on it.
 */
public class EdgeOpenApiFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(EdgeOpenApiFilter.class);
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "Invalid URI, header or body; `validationResult` names each offending part.",
            "401", "No credential, or one that is unknown, malformed, expired, revoked or has a wrong secret.",
            "403", "The credential's principal kind or granted APIs do not allow this operation, or the API is not"
                    + " activated for the organization (or user).",
            "404", "No such resource, or one of another organization.",
            "409", "The version is stale: the resource changed since it was read (`If-Match` or `version`).",
            "413", "The body is larger than the configured limit (default 1 MiB).",
            "500", "Unexpected error; `logToken` identifies the log entry.",
            "503", "A dependency (e.g. the authentication decision point) is unavailable; see `Retry-After`.");

    private final JavaOperations javaOperations;

    /** As Quarkus builds it: the Java methods come from the class path's Jandex indexes. */
    public EdgeOpenApiFilter() {
        this(null);
    }

    EdgeOpenApiFilter(JavaOperations javaOperations) {
        this.javaOperations = javaOperations;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Violation", violationSchema());
        components.addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        JavaOperations java = javaOperations != null ? javaOperations : JavaOperations.scan(classLoader());
        Set<String> schemesInUse = new TreeSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            Optional<EndpointAccess> access = java.find(method.name(), path)
                    .map(o -> EndpointAccess.of(o.method(), o.resource()));
            if (access.isEmpty()) {
                LOG.warnf("OpenAPI: no Java method found for %s %s; its operation declares no security", method, path);
            }
            access.ifPresent(a -> declareAccess(operation, a));
            if (operation.getSecurity() != null) {
                operation.getSecurity().stream().filter(r -> r.getSchemes() != null)
                        .forEach(r -> schemesInUse.addAll(r.getSchemes().keySet()));
            }
            documentSharedParameters(operation);
            documentSuccessHeaders(operation);
            addProblemResponses(operation, problemStatuses(method, path, operation, access));
        }));
        // The contract's schemes, as far as this service's operations accept them (auth-service's accept none).
        schemesInUse.forEach(name -> {
            SecurityScheme scheme = securityScheme(name);
            if (scheme != null) {
                components.addSecurityScheme(name, scheme);
            }
        });
    }

    /** One of the contract's schemes (§2); null for any other name. */
    private static SecurityScheme securityScheme(String name) {
        return switch (name) {
            case OperationAccess.BEARER -> OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").description("A USER token (`oc_...`) or an OpenID Connect JWT.");
            case OperationAccess.TICKET -> OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("basic").description("An APPLICATION or SUPERUSER ticket: `base64(token:secret)`.");
            case OperationAccess.QUERY_TOKEN -> OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.QUERY).name("t")
                    .description("A USER token as query parameter `t`, for existing OneCloud clients.");
            default -> null;
        };
    }

    private static void declareAccess(Operation operation, EndpointAccess access) {
        List<List<String>> requirements = OperationAccess.requirements(access);
        if (requirements != null) {
            List<SecurityRequirement> security = new ArrayList<>();
            for (List<String> schemes : requirements) {
                SecurityRequirement requirement = OASFactory.createSecurityRequirement();
                schemes.forEach(requirement::addScheme);
                security.add(requirement);
            }
            operation.setSecurity(security);
        }
        String sentence = OperationAccess.describe(access);
        String description = operation.getDescription();
        if (description == null || description.isBlank()) {
            operation.setDescription(sentence);
        } else if (!description.endsWith(sentence)) {
            operation.setDescription(description + "\n\n" + sentence);
        }
    }

    /** The parameters every service reads alike: paging ({@code PageRequest}) and a PUT's {@code If-Match}. */
    private static void documentSharedParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.QUERY && "limit".equals(parameter.getName())) {
                parameter.description("Items per page, 1 to " + PageRequest.MAX_LIMIT + "; default "
                        + PageRequest.DEFAULT_LIMIT + ".").schema(OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.INTEGER)).format("int32").minimum(BigDecimal.ONE)
                                .maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                                .defaultValue(PageRequest.DEFAULT_LIMIT));
            } else if (parameter.getIn() == Parameter.In.QUERY && "offset".equals(parameter.getName())) {
                parameter.description("Items to skip; default 0.").schema(OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.INTEGER)).format("int32").minimum(BigDecimal.ZERO)
                        .defaultValue(0));
            } else if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
                parameter.description("The `ETag` of the version this request replaces (or send `version` in the"
                        + " body); a stale one is 409.");
            }
        }
    }

    /** Every 201 names what it created ({@code Location}); every response header has a schema. */
    private static void documentSuccessHeaders(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.equals("201") && (response.getHeaders() == null
                    || !response.getHeaders().containsKey("Location"))) {
                response.addHeader("Location", header("The URL of the created resource."));
            }
            if (response.getHeaders() != null) {
                response.getHeaders().values().stream().filter(h -> h.getSchema() == null && h.getRef() == null)
                        .forEach(h -> h.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
            }
        });
    }

    private static List<String> problemStatuses(PathItem.HttpMethod method, String path, Operation operation,
            Optional<EndpointAccess> access) {
        List<String> statuses = new ArrayList<>(List.of("400"));
        if (access.map(OperationAccess::guarded).orElse(true)) {
            statuses.addAll(List.of("401", "403"));
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (method == PathItem.HttpMethod.PUT) {
            statuses.add("409");
        }
        if (operation.getRequestBody() != null) {
            statuses.add("413");
        }
        statuses.addAll(List.of("500", "503"));
        return statuses;
    }

    private static void addProblemResponses(Operation operation, List<String> statuses) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<String> problems = new ArrayList<>(statuses);
        // Problem responses the operation declares itself (e.g. 409 for a duplicate) get the problem body too.
        responses.getAPIResponses().keySet().stream().filter(s -> s.startsWith("4") || s.startsWith("5"))
                .filter(s -> !problems.contains(s)).forEach(problems::add);
        Map<String, APIResponse> sorted = new LinkedHashMap<>(responses.getAPIResponses());
        for (String status : problems) {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status));
                sorted.put(status, response);
            }
            // An error response generated by the framework (e.g. 400 for @Valid) gets the problem body too.
            if (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty()) {
                response.content(problemContent());
            }
            response.addHeader("Warning", header("`703 <service> \"Error occurred, see <logToken>\"`"));
            if (status.equals("401")) {
                response.addHeader("WWW-Authenticate", header("`Bearer realm=\"onecloud\"` and `Basic realm="
                        + "\"onecloud\"`; with `error=\"invalid_token\"` for a credential that is not valid."));
            }
            if (status.equals("503")) {
                response.addHeader("Retry-After", header("Seconds after which to try again."));
            }
        }
        // Responses in status order, success first, so that readers and generators see them as they are meant.
        Map<String, APIResponse> ordered = new LinkedHashMap<>();
        sorted.keySet().stream().sorted().forEach(s -> ordered.put(s, sorted.get(s)));
        responses.setAPIResponses(ordered);
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }

    private static Content problemContent() {
        Schema ref = OASFactory.createSchema().ref(PROBLEM_REF);
        return OASFactory.createContent()
                .addMediaType("application/problem+json", OASFactory.createMediaType().schema(ref))
                .addMediaType("application/problem+xml", OASFactory.createMediaType().schema(ref));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details. In XML: root `problem` in namespace `urn:ietf:rfc:7807`, "
                        + "one `i` element per `validationResult` entry.")
                .addProperty("type", string("A URI reference identifying the problem type; `about:blank`."))
                .addProperty("title", string("The HTTP reason phrase."))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int32").description("The HTTP status code."))
                .addProperty("detail", string("What went wrong, for a human."))
                .addProperty("instance", string("The request path."))
                .addProperty("logToken", string("Identifies the service's log entry for this error."))
                .addProperty("validationResult", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("On 400: each offending field, header or parameter.")
                        .items(OASFactory.createSchema().ref("#/components/schemas/Violation")));
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", string("The offending field, header or parameter."))
                .addProperty("message", string("Why it was refused."));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : EdgeOpenApiFilter.class.getClassLoader();
    }
}
