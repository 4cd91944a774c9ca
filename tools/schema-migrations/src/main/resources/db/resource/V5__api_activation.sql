-- API activation (contract §3 rule 7): an organization's Admin API and User API, and a user's own User API.
-- Organizations that exist before this migration keep working: both their APIs are activated (DEFAULT true fills the
-- existing rows). A new organization has both off unless its creator says otherwise, hence the default changes after.
ALTER TABLE organization
    ADD COLUMN admin_api_enabled boolean NOT NULL DEFAULT true,
    ADD COLUMN user_api_enabled  boolean NOT NULL DEFAULT true;
ALTER TABLE organization
    ALTER COLUMN admin_api_enabled SET DEFAULT false,
    ALTER COLUMN user_api_enabled  SET DEFAULT false;

-- A user's own User API is on unless switched off, for existing and new users alike.
ALTER TABLE directory_user ADD COLUMN user_api_enabled boolean NOT NULL DEFAULT true;

-- Downstream (ticket-service, for auth-service's decisions) learns each existing organization's flags from one
-- onecloud.activation.changed.v1 event per organization, as resource-service would append it (DirectoryEvents):
-- topic directory-events, key and subject the organization id, the organization's current version. Users need none:
-- a user with no activation event downstream has its User API on.
--
-- The outbox's table comes from the outbox module's own set, which runs after this one (SchemaMigration). A database
-- that has organizations was migrated before, so the table is there; a new database has no organization and the
-- statement is never planned. Should organizations ever exist without the table, the migration fails and rolls back
-- rather than activate them without telling anyone.
--
-- MATERIALIZED: each row's UUID is drawn once, as the row's id and the event's id alike (OutboxRecords does the same).
-- The time is written as Jackson writes an Instant (ISO-8601, UTC, 'Z').
DO $$
BEGIN
    IF EXISTS (SELECT FROM organization) THEN
        WITH activation AS MATERIALIZED (
            SELECT gen_random_uuid() AS event_id, id AS organization_id, version,
                   to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS changed_at
            FROM organization
        )
        INSERT INTO public.outbox_event (id, topic, event_key, payload, created_at)
        SELECT event_id, 'directory-events', organization_id,
               json_build_object(
                   'specversion', '1.0',
                   'id', event_id,
                   'source', '/onecloud/resource-service',
                   'type', 'onecloud.activation.changed.v1',
                   'subject', organization_id,
                   'time', changed_at,
                   'datacontenttype', 'application/json',
                   'data', json_build_object(
                       'organizationId', organization_id,
                       'adminApiEnabled', true,
                       'userApiEnabled', true,
                       'version', version,
                       'changedAt', changed_at))::text,
               now()
        FROM activation;
    END IF;
END
$$;
