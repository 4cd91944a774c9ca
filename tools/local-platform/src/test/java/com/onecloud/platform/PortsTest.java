package com.onecloud.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsAClearErrorNamingTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "ONECLOUD_TICKET_PORT", "ticket-service"))
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("ticket-service")
                    .hasMessageContaining("ONECLOUD_TICKET_PORT");
        }
    }

    @Test
    void aFreePortPasses() {
        int port = Ports.free();
        assertThatCode(() -> Ports.requireFree(port, "ONECLOUD_AUTH_PORT", "auth-service")).doesNotThrowAnyException();
    }
}
