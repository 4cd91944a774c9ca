-- The audit trail (contract §4) of resource-service's changes: organizations and users created, updated, deleted. Each
-- entry is written here and to the outbox (topic audit-events) in the transaction of the change; ticket-service keeps
-- the trail the read API serves (db/ticket V6, the same table). changes holds field names, comma-separated, never a
-- value.
CREATE TABLE audit_entry (
    id                    varchar(36)  PRIMARY KEY,   -- a UUID, also the id of the event that carries the entry
    recorded_at           timestamptz  NOT NULL,
    action                varchar(32)  NOT NULL,
    organization_id       varchar(64),
    actor_kind            varchar(16)  NOT NULL,      -- USER, APPLICATION, SUPERUSER or SYSTEM
    actor_id              varchar(255) NOT NULL,      -- ticket id, OpenID Connect subject, or the acting service
    actor_organization_id varchar(64),
    target_type           varchar(16)  NOT NULL,
    target_id             varchar(64)  NOT NULL,
    source_address        varchar(64),
    changes               varchar(500) NOT NULL DEFAULT '',
    reason                varchar(32)
);
CREATE INDEX audit_entry_time_idx ON audit_entry (recorded_at);

-- Append-only: the service's role adds entries and reads them, and never changes or removes one (db/service-role's
-- default privileges would let it).
GRANT SELECT, INSERT ON audit_entry TO ${serviceRole};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${serviceRole};

-- Retention, as in db/ticket V6: entries older than the bound, never a bound under one day, with the owner's rights.
CREATE FUNCTION audit_entry_expire(older_than interval) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    removed bigint;
BEGIN
    IF older_than IS NULL OR older_than < interval '1 day' THEN
        RAISE EXCEPTION 'audit entries are kept at least one day, not %', older_than USING ERRCODE = 'OC002';
    END IF;
    IF NOT pg_try_advisory_xact_lock(hashtextextended('audit_entry_expire', 0)) THEN
        RETURN 0;
    END IF;
    DELETE FROM audit_entry WHERE recorded_at < now() - older_than;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END
$$;
REVOKE ALL ON FUNCTION audit_entry_expire(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_entry_expire(interval) TO ${serviceRole};
