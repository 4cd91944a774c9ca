package com.onecloud.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** ONECLOUD_REPLICAS and where each replica listens. */
class PlatformConfigTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void oneReplicaOnTheDocumentedPortsByDefault() {
        PlatformConfig config = PlatformConfig.fromEnvironment(ROOT, Map.of());
        assertThat(config.replicas()).isEqualTo(1);
        assertThat(List.of(config.port(Platform.RESOURCE, 1), config.port(Platform.TICKET, 1),
                config.port(Platform.AUTH, 1))).containsExactly(8080, 8081, 8082);
    }

    @Test
    void furtherReplicasListenAHundredPortsApartFromTheServicesPort() {
        PlatformConfig config = PlatformConfig.fromEnvironment(ROOT,
                Map.of("ONECLOUD_REPLICAS", "3", "ONECLOUD_TICKET_PORT", "9001"));
        assertThat(config.replicas()).isEqualTo(3);
        assertThat(List.of(config.port(Platform.TICKET, 1), config.port(Platform.TICKET, 2),
                config.port(Platform.TICKET, 3))).containsExactly(9001, 9101, 9201);
        assertThat(config.port(Platform.RESOURCE, 2)).isEqualTo(8180);
        assertThat(config.port(Platform.AUTH, 3)).isEqualTo(8282);
    }

    @Test
    void aReplicaCountOutOfRangeOrNotANumberIsAClearError() {
        for (String value : List.of("0", "10", "two")) {
            assertThatThrownBy(() -> PlatformConfig.fromEnvironment(ROOT, Map.of("ONECLOUD_REPLICAS", value)))
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining("ONECLOUD_REPLICAS must be from 1 to 9")
                    .hasMessageContaining(value);
        }
    }

    @Test
    void theConsoleRunsOnItsOwnPortWhichItsVariableMoves() {
        assertThat(PlatformConfig.fromEnvironment(ROOT, Map.of()).port(Platform.CONSOLE, 1)).isEqualTo(8083);
        PlatformConfig moved = PlatformConfig.fromEnvironment(ROOT, Map.of("ONECLOUD_CONSOLE_PORT", "9083"));
        assertThat(moved.hasConsole()).isTrue();
        assertThat(moved.port(Platform.CONSOLE, 1)).isEqualTo(9083);
        assertThat(PlatformConfig.portVariable(Platform.CONSOLE)).isEqualTo("ONECLOUD_CONSOLE_PORT");
        PlatformConfig withoutConsole = new PlatformConfig(ROOT, ROOT, 1, 2, 3, 4, 5, null, "u", "p", null, Map.of());
        assertThat(withoutConsole.hasConsole()).isFalse();
    }

    @Test
    void aReplicaPortBeyondTheRangeNamesTheVariablesThatMoveIt() {
        PlatformConfig config = PlatformConfig.fromEnvironment(ROOT,
                Map.of("ONECLOUD_REPLICAS", "2", "ONECLOUD_AUTH_PORT", "65500"));
        assertThatThrownBy(() -> config.port(Platform.AUTH, 2))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("65600")
                .hasMessageContaining("ONECLOUD_AUTH_PORT")
                .hasMessageContaining("ONECLOUD_REPLICAS");
    }

    @Test
    void aTakenPortOfAFurtherReplicaNamesTheReplicaAndTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServiceProcess second = new ServiceProcess(Platform.TICKET, 2, Path.of("/nowhere/quarkus-run.jar"),
                    taken.getLocalPort(), Map::of, Path.of("/nowhere/ticket-service-2.log"));
            assertThatThrownBy(second::requirePortFree)
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " for ticket-service replica 2"
                            + " (ONECLOUD_TICKET_PORT + 100) is taken")
                    .hasMessageContaining("set ONECLOUD_TICKET_PORT to another port");
        }
    }

    @Test
    void theCompanionFileListsEveryReplicaFirstOneFirst() {
        assertThat(Platform.replicasEnv(2, List.of("http://localhost:8081", "http://localhost:8181"),
                List.of("http://localhost:8080", "http://localhost:8180"),
                List.of("http://localhost:8082", "http://localhost:8182")).lines()
                .filter(line -> !line.startsWith("#")))
                .containsExactly("ONECLOUD_REPLICAS=2",
                        "ONECLOUD_TICKET_URLS=http://localhost:8081,http://localhost:8181",
                        "ONECLOUD_RESOURCE_URLS=http://localhost:8080,http://localhost:8180",
                        "ONECLOUD_AUTH_URLS=http://localhost:8082,http://localhost:8182");
    }
}
