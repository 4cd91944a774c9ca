-- The audit trail (contract §4): who changed what, when and from where. ticket-service writes its own entries (tickets
-- created, rotated, revoked) in the transaction of the change, and adds resource-service's (organizations and users)
-- as they arrive on audit-events; the read API serves this table. changes holds field names, comma-separated, never a
-- value. The same table exists in resource-service's database (db/resource V6).
CREATE TABLE audit_entry (
    id                    varchar(36)  PRIMARY KEY,   -- a UUID, also the id of the event that carries the entry
    recorded_at           timestamptz  NOT NULL,
    action                varchar(32)  NOT NULL,
    organization_id       varchar(64),                -- null for the platform's own (SUPERUSER tickets)
    actor_kind            varchar(16)  NOT NULL,      -- USER, APPLICATION, SUPERUSER or SYSTEM
    actor_id              varchar(255) NOT NULL,      -- ticket id, OpenID Connect subject, or the acting service
    actor_organization_id varchar(64),
    target_type           varchar(16)  NOT NULL,
    target_id             varchar(64)  NOT NULL,
    source_address        varchar(64),
    changes               varchar(500) NOT NULL DEFAULT '',
    reason                varchar(32)
);
-- Newest first, per organization and for the whole platform; the filters by target and actor.
CREATE INDEX audit_entry_org_idx ON audit_entry (organization_id, recorded_at DESC, id DESC);
CREATE INDEX audit_entry_time_idx ON audit_entry (recorded_at DESC, id DESC);
CREATE INDEX audit_entry_target_idx ON audit_entry (target_id);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id);

-- Append-only: the service's role adds entries and reads them, and never changes or removes one (db/service-role's
-- default privileges would let it).
GRANT SELECT, INSERT ON audit_entry TO ${serviceRole};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${serviceRole};

-- Retention: the one way an entry goes, run with the rights of its owner (the migrations' role) by the service's
-- scheduled job (AuditRetention). It deletes only entries older than the bound it is given and refuses a bound under
-- one day, so the service's role cannot empty the trail through it. Replicas calling it at once: one works, the others
-- return 0 at once.
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
