package com.onecloud.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The container images and the native build, from the POMs and Dockerfiles (nothing rendered). */
class ImagesTest {

    @Test
    void imagesAndNativeBuildAreConfigured() {
        String pom = Sources.read("pom.xml");
        assertThat(pom).contains("<id>native</id>").contains("<quarkus.native.enabled>true</quarkus.native.enabled>")
                .contains("<quarkus.package.jar.enabled>false</quarkus.package.jar.enabled>");
        for (String s : Sources.SERVICES) {
            String jvm = Sources.read(s + "/src/main/docker/Dockerfile.jvm");
            assertThat(jvm).contains("USER 185").contains("target/quarkus-app");
            String nat = Sources.read(s + "/src/main/docker/Dockerfile.native");
            assertThat(nat).contains("FROM quay.io/quarkus/ubi-quarkus-mandrel-builder-image").contains("-Pnative")
                    .contains("FROM quay.io/quarkus/ubi9-quarkus-micro-image").contains("USER 1001").contains("-pl " + s);
        }
        // schema-migrations (the init container migrate-schema): a plain jar with lib/ next to it, on the services' JVM
        // image, listening on nothing; the schema is the container's argument.
        String migrations = Sources.MIGRATIONS;
        String program = DatabaseMigrationTest.MIGRATIONS_PROGRAM;
        assertThat(pom).contains("<module>" + migrations + "</module>");
        assertThat(Sources.read(migrations + "/pom.xml")).contains("<finalName>" + program + "</finalName>")
                .contains("<classpathPrefix>lib/</classpathPrefix>").contains("copy-dependencies");
        String jvm = Sources.read(migrations + "/src/main/docker/Dockerfile.jvm");
        Pattern from = Pattern.compile("(?m)^FROM .*$");
        var serviceFrom = from.matcher(Sources.read("ticket-service/src/main/docker/Dockerfile.jvm"));
        assertThat(serviceFrom.find()).isTrue();
        assertThat(jvm).as(migrations + " Dockerfile.jvm: the services' JVM base image").contains(serviceFrom.group())
                .contains("USER 185").contains("COPY --chown=185 target/lib/ /deployments/lib/")
                .contains("COPY --chown=185 target/" + program + ".jar /deployments/")
                .contains("JAVA_APP_JAR=\"/deployments/" + program + ".jar\"").contains("run-java.sh")
                .doesNotContain("EXPOSE").doesNotContain("CMD");
    }
}
