package com.onecloud.edge.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Adds to every service's OpenAPI document what the shared edge guarantees: the contract's security schemes, the
 * RFC 9457 {@code Problem} schema, and the problem responses every operation can give, so that a team consuming one
 * service needs nothing but that document.
 */
public class EdgeOpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> COMMON_RESPONSES = Map.of(
            "400", "Invalid URI, header or body; `validationResult` names each offending part.",
            "401", "No credential, or one that is unknown, malformed, expired, revoked or has a wrong secret.",
            "403", "The credential's principal kind or granted APIs do not allow this operation.",
            "404", "No such resource, or one of another organization.",
            "413", "The body is larger than the configured limit (default 1 MiB).",
            "500", "Unexpected error; `logToken` identifies the log entry.",
            "501", "PATCH, or another valid request that is not implemented yet.",
            "503", "A dependency (e.g. the authentication decision point) is unavailable; see `Retry-After`.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Violation", violationSchema());
        components.addSchema("Problem", problemSchema());
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("A USER token (`oc_...`) or an OpenID Connect JWT."));
        components.addSecurityScheme("ticket", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description("An APPLICATION or SUPERUSER ticket: `base64(token:secret)`."));
        components.addSecurityScheme("queryToken", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.QUERY).name("t")
                .description("A USER token as query parameter `t`, for existing OneCloud clients."));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                    .forEach(EdgeOpenApiFilter::addProblemResponses));
        }
    }

    private static void addProblemResponses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        COMMON_RESPONSES.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(problemContent()).addHeader("Warning", OASFactory.createHeader()
                                .description("`703 <service> \"Error occurred, see <logToken>\"`")
                                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))));
            }
        });
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
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What went wrong, for a human."))
                .addProperty("instance", string("The request path."))
                .addProperty("logToken", string("Identifies the service's log entry for this error."))
                .addProperty("validationResult", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
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
}
