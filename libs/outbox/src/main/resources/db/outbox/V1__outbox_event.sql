-- The transactional outbox: a row is written in the transaction of the change it announces and published by the
-- relay (OutboxRelay). Run by schema-migrations in every database that has an outbox, after the database's own
-- migrations, with its history in a schema of its own (SchemaMigration says why); hence the table's schema is named.
-- IF NOT EXISTS: where the services' own first migrations made this table, before the outbox owned it, with exactly
-- these columns, that table and its rows are kept.
CREATE TABLE IF NOT EXISTS public.outbox_event (
    id           uuid         PRIMARY KEY,
    topic        varchar(100) NOT NULL,
    event_key    varchar(100) NOT NULL,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    published_at timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON public.outbox_event (created_at) WHERE published_at IS NULL;
