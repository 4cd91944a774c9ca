package com.onecloud.ticket.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.TicketDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** The service's connections plan each prepared statement once (application.properties says why). */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TicketDatabase.class)
class ConnectionSettingsTest {

    @Inject
    Pool pool;

    @Test
    void preparedStatementsKeepTheirGenericPlan() {
        String mode = pool.query("SHOW plan_cache_mode").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString(0);
        assertThat(mode).isEqualTo("force_generic_plan");
    }
}
