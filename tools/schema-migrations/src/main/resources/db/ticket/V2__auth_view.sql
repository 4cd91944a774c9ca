-- The read-only contract between ticket-service and auth-service: version 1 of the credential view.
-- auth-service reads only this view, under its own role, so the tables above may change freely as long as
-- auth_v1.credential keeps its columns and meaning. A breaking change publishes auth_v2 beside it.
CREATE SCHEMA auth_v1;

CREATE VIEW auth_v1.credential AS
SELECT c.id                                        AS credential_id,
       c.token_hash,
       c.secret_hash,
       t.id                                        AS ticket_id,
       t.kind,
       t.organization_id,
       t.user_id,
       t.apis,
       LEAST(t.expires_at, c.not_after)            AS expires_at,   -- the credential's own end of life
       (t.revoked_at IS NOT NULL)                  AS revoked
FROM credential c
JOIN ticket t ON t.id = c.ticket_id;

-- auth-service's login role: it can read the view and nothing else.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${authReaderRole}') THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', '${authReaderRole}', '${authReaderPassword}');
    END IF;
END
$$;
GRANT USAGE ON SCHEMA auth_v1 TO ${authReaderRole};
GRANT SELECT ON auth_v1.credential TO ${authReaderRole};
