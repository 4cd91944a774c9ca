package com.onecloud.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Protected;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.test.QuarkusUnitTest;

/** A @Protected endpoint in a service that nothing authenticates would be open to anyone: the service does not start. */
class UnenforcedEndpointStartUpTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Endpoints.class)
                    .addPackages(true, "com.onecloud.http"))
            .overrideConfigKey("onecloud.test.endpoints", "unenforced")
            .assertException(failure -> assertThat(failure)
                    .hasMessageContaining("1 @Protected endpoints, but nothing authenticates them"));

    @Test
    void startUpFails() {
        Assertions.fail("the service must not start");
    }

    /** Only in this test's application, not in the other tests' (which index every test class). */
    @IfBuildProperty(name = "onecloud.test.endpoints", stringValue = "unenforced")
    @Path("/unenforced-test")
    public static class Endpoints {

        @GET
        @Protected(audience = Audience.USER_API, api = Api.CONTACTS)
        public String contacts() {
            return "contacts";
        }
    }
}
