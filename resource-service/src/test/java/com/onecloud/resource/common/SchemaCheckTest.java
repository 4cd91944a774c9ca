package com.onecloud.resource.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.EmbeddedPostgresResource;
import com.onecloud.testsupport.ResourceDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** The start-up check of the schema: the service started on the migrated schema; a missing column fails it. */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(ResourceDatabase.class)
class SchemaCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Test
    void theMigratedSchemaPasses() {
        assertThatCode(() -> SchemaCheck.verify(pool).await().atMost(TIMEOUT)).doesNotThrowAnyException();
    }

    @Test
    void aSchemaWithoutAColumnTheServiceUsesFailsNamingTheColumnAndTheStatement() throws SQLException {
        try (Connection owner = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(),
                EmbeddedPostgresResource.USER, EmbeddedPostgresResource.PASSWORD);
                Statement ddl = owner.createStatement()) {
            ddl.execute("ALTER TABLE contact RENAME COLUMN company TO company_before");
            try {
                assertThatThrownBy(() -> SchemaCheck.verify(pool).await().atMost(TIMEOUT))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("column \"company\" does not exist")
                        .hasMessageContaining("FROM contact");
            } finally {
                ddl.execute("ALTER TABLE contact RENAME COLUMN company_before TO company");
            }
        }
    }
}
