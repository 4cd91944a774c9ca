package com.onecloud.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * Starts a real single-node Kafka broker (KRaft, in-process, no Docker) on a free port, once per test JVM, and sets
 * {@code kafka.bootstrap.servers} for the application under test. Outage tests may {@link #stopBroker()} and
 * {@link #startBroker()} it again on the same port.
 */
public class EmbeddedKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;
    private static int port;
    private static int controllerPort;
    private static boolean shutdownHookAdded;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; closed by the shutdown hook.
    }

    public static synchronized String bootstrapServers() {
        if (port == 0) {
            port = freePort();
            controllerPort = freePort();
            startBroker();
        }
        return "localhost:" + port;
    }

    /** Starts the broker (again) on this JVM's port; a no-op while it runs. */
    public static synchronized void startBroker() {
        if (broker != null) {
            return;
        }
        if (port == 0) {
            bootstrapServers();
            return;
        }
        broker = new EmbeddedKafkaBroker()
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(p -> {
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("auto.create.topics.enable", "true");
                    p.put("num.partitions", "1");
                })
                .start();
        if (!shutdownHookAdded) {
            shutdownHookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafkaResource::stopBroker, "embedded-kafka-stop"));
        }
    }

    /** Stops the broker, as an outage would; clients see connection failures until {@link #startBroker()}. */
    public static synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
