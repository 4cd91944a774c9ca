package com.onecloud.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** After the whole run: no token or secret handed out by the platform appears in any service's log. */
@Order(99)
class LogSecrecyIT {

    @Test
    void noServiceLogHoldsACredential() throws Exception {
        assertThat(Clients.ISSUED).as("credentials issued during the run").isNotEmpty();
        Clients.assertNoCredentialInLogs();
    }
}
