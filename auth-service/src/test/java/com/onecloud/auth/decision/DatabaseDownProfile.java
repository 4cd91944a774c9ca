package com.onecloud.auth.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import com.onecloud.testsupport.EmbeddedKafkaResource;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The credential database is unreachable: a port nothing listens on. Kafka is up. */
public class DatabaseDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + closedPort() + "/postgres",
                "quarkus.datasource.username", "onecloud_auth_reader",
                "quarkus.datasource.password", "irrelevant",
                "onecloud.auth.db.timeout", "1s",
                "onecloud.auth.db.retry-after-seconds", "7");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmbeddedKafkaResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
