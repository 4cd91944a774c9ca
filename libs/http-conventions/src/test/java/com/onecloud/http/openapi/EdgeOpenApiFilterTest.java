package com.onecloud.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Internal;
import com.onecloud.access.Protected;

import io.quarkus.arc.profile.IfBuildProfile;

/** The filter gives each operation the security and problem responses its Java endpoint's declaration implies. */
class EdgeOpenApiFilterTest {

    /** The resources below are for this test only, never part of the test application. */
    static final String NEVER_BUILT = "edge-openapi-filter-unit-test";

    @Path("/api/user/v1/things")
    @Protected(audience = Audience.USER_API, api = Api.CONTACTS)
    @IfBuildProfile(NEVER_BUILT)
    public static class UserThings {
        @GET
        public void list() {
        }

        @PUT
        @Path("{id: [a-z]+}")
        public void update() {
        }

        @DELETE
        @Path("{id}")
        @Protected(audience = Audience.PLATFORM)
        public void purge() {
        }
    }

    @Path("api/admin/v1/things/")
    @Protected(audience = Audience.ADMIN_API, api = Api.USERS)
    @IfBuildProfile(NEVER_BUILT)
    public static class AdminThings {
        @POST
        public void create() {
        }
    }

    @Path("/api/internal/v1/things")
    @Internal("the platform's own services only")
    @IfBuildProfile(NEVER_BUILT)
    public static class InternalThings {
        @POST
        public void decide() {
        }
    }

    @Test
    void theUserApiTakesABearerOrQueryTokenTheAdminApiAndThePlatformATicketAnInternalEndpointNothing() {
        OpenAPI api = document();
        filter().filterOpenAPI(api);

        assertThat(schemes(operation(api, "/api/user/v1/things", PathItem.HttpMethod.GET)))
                .containsExactly(Map.of("bearer", List.of()), Map.of("queryToken", List.of()));
        assertThat(schemes(operation(api, "/api/user/v1/things/{id}", PathItem.HttpMethod.PUT)))
                .containsExactly(Map.of("bearer", List.of()), Map.of("queryToken", List.of()));
        assertThat(schemes(operation(api, "/api/user/v1/things/{id}", PathItem.HttpMethod.DELETE)))
                .as("the method's declaration wins").containsExactly(Map.of("ticket", List.of()));
        assertThat(schemes(operation(api, "/api/admin/v1/things", PathItem.HttpMethod.POST)))
                .containsExactly(Map.of("ticket", List.of()));
        assertThat(operation(api, "/api/internal/v1/things", PathItem.HttpMethod.POST).getSecurity()).isEmpty();
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("bearer", "queryToken", "ticket");
        assertThat(api.getComponents().getSecuritySchemes().get("queryToken").getName()).isEqualTo("t");
    }

    @Test
    void theDescriptionSaysWhoMayCallAndTheProblemResponsesFollowTheOperation() {
        OpenAPI api = document();
        filter().filterOpenAPI(api);

        Operation list = operation(api, "/api/user/v1/things", PathItem.HttpMethod.GET);
        assertThat(list.getDescription()).contains("USER principal").contains("`CONTACTS`");
        assertThat(list.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "401", "403", "500", "503");
        assertThat(list.getParameters().get(0).getSchema().getMaximum()).isEqualByComparingTo("500");
        Operation update = operation(api, "/api/user/v1/things/{id}", PathItem.HttpMethod.PUT);
        assertThat(update.getResponses().getAPIResponses()).containsKeys("404", "409", "413");
        assertThat(update.getResponses().getAPIResponse("401").getHeaders()).containsKeys("WWW-Authenticate",
                "Warning");
        Operation decide = operation(api, "/api/internal/v1/things", PathItem.HttpMethod.POST);
        assertThat(decide.getDescription()).isEqualTo("No credential: the platform's own services only.");
        assertThat(decide.getResponses().getAPIResponses()).doesNotContainKeys("401", "403", "404")
                .containsKeys("400", "413", "500", "503");
        assertThat(decide.getResponses().getAPIResponse("400").getContent().getMediaTypes())
                .containsOnlyKeys("application/problem+json", "application/problem+xml");
    }

    @Test
    void anOperationWithoutAJavaMethodGetsNoSecurityAndRunningTwiceChangesNothing() {
        OpenAPI api = document();
        api.getPaths().addPathItem("/api/user/v1/elsewhere", OASFactory.createPathItem()
                .GET(OASFactory.createOperation().responses(OASFactory.createAPIResponses())));
        EdgeOpenApiFilter filter = filter();
        filter.filterOpenAPI(api);
        String once = operation(api, "/api/user/v1/things", PathItem.HttpMethod.GET).getDescription();
        filter.filterOpenAPI(api);

        assertThat(operation(api, "/api/user/v1/elsewhere", PathItem.HttpMethod.GET).getSecurity()).isNull();
        assertThat(operation(api, "/api/user/v1/things", PathItem.HttpMethod.GET).getDescription()).isEqualTo(once);
    }

    private static EdgeOpenApiFilter filter() {
        return new EdgeOpenApiFilter(JavaOperations.of(List.of(UserThings.class, AdminThings.class,
                InternalThings.class)));
    }

    private static OpenAPI document() {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/user/v1/things", OASFactory.createPathItem().GET(operation()
                        .addParameter(OASFactory.createParameter().name("limit").in(Parameter.In.QUERY))))
                .addPathItem("/api/user/v1/things/{id}", OASFactory.createPathItem()
                        .PUT(operation().requestBody(OASFactory.createRequestBody()))
                        .DELETE(operation()))
                .addPathItem("/api/admin/v1/things", OASFactory.createPathItem()
                        .POST(operation().requestBody(OASFactory.createRequestBody())))
                .addPathItem("/api/internal/v1/things", OASFactory.createPathItem()
                        .POST(operation().requestBody(OASFactory.createRequestBody()))));
    }

    private static Operation operation() {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
    }

    private static Operation operation(OpenAPI api, String path, PathItem.HttpMethod method) {
        return api.getPaths().getPathItem(path).getOperations().get(method);
    }

    private static List<Map<String, List<String>>> schemes(Operation operation) {
        return operation.getSecurity().stream().map(SecurityRequirement::getSchemes).toList();
    }
}
