package com.onecloud.testsupport;

import java.util.Optional;

import com.onecloud.migrations.Schema;

/** The embedded PostgreSQL with ticket-service's schema migrated, as the init container leaves it in production. */
public class TicketDatabase extends EmbeddedPostgresResource {

    @Override
    protected Optional<Schema> schema() {
        return Optional.of(Schema.TICKET);
    }
}
