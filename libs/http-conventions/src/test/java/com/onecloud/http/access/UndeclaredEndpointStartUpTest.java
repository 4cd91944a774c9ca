package com.onecloud.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.onecloud.access.Internal;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.test.QuarkusUnitTest;

/** Contract §3 rule 8: a service with an endpoint that declares nothing does not start, and says which one. */
class UndeclaredEndpointStartUpTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Endpoints.class)
                    .addPackages(true, "com.onecloud.http"))
            .overrideConfigKey("onecloud.test.endpoints", "undeclared")
            .overrideConfigKey("quarkus.application.name", "deny-test")
            .assertException(failure -> assertThat(failure)
                    .hasMessageContaining("Deny by default")
                    .hasMessageContaining("GET /deny-test/open (Endpoints#open) declares neither @Protected nor @Internal")
                    .hasMessageNotContaining("/deny-test/declared"));

    @Test
    void startUpFails() {
        Assertions.fail("the service must not start");
    }

    /** Only in this test's application, not in the other tests' (which index every test class). */
    @IfBuildProperty(name = "onecloud.test.endpoints", stringValue = "undeclared")
    @Path("/deny-test")
    public static class Endpoints {

        @GET
        @Path("declared")
        @Internal("a test endpoint")
        public String declared() {
            return "declared";
        }

        @GET
        @Path("open")
        public String open() {
            return "open";
        }
    }
}
