package com.onecloud.http.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/** Every service runs Vert.x on epoll where the library ships it (Linux x86-64), not on Java NIO. */
@QuarkusTest
class NativeTransportTest {

    @Inject
    Vertx vertx;

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void vertxRunsOnEpoll() {
        assertThat(vertx.isNativeTransportEnabled()).as("native transport").isTrue();
    }
}
