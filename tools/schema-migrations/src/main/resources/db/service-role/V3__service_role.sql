-- The service's login role (ticket-service's on the ticket schema, resource-service's on the resource schema): it
-- reads and writes rows and can change no table. The schema is the migrations' business, run as the database owner
-- before the service starts, so the service needs no DDL rights. Shared by both schemas (Schema.java), hence V3: the
-- resource schema has no V2 and its next migration is V4.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${serviceRole}') THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', '${serviceRole}', '${servicePassword}');
    END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO ${serviceRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${serviceRole};
REVOKE ALL ON ${flyway:table} FROM ${serviceRole};
-- What later migrations create (as the owner) is the service's to use in the same way.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${serviceRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${serviceRole};
