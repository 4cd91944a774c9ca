-- A personal contact of a deleted user is gone with the user, also one created with the user's credential in the
-- moment before its revocation reaches every service. The user's deletion (UserService) writes a tombstone and
-- deletes the user's contacts in one transaction, holding the owner's advisory lock alone from its first statement;
-- every insert of a contact shares that lock (the trigger below) before it reads the tombstones. So an insert either
-- commits before the deletion deletes the user's contacts, or it reads the tombstone and is refused.
CREATE TABLE deleted_user (
    organization_id varchar(16) NOT NULL,
    user_id         varchar(64) NOT NULL,
    deleted_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);

-- The service's role adds tombstones and never changes or removes one (db/service-role's default privileges would).
GRANT SELECT, INSERT ON deleted_user TO ${serviceRole};
REVOKE UPDATE, DELETE, TRUNCATE ON deleted_user FROM ${serviceRole};

-- The advisory lock of a contact owner, shared by inserts of the owner's contacts and held alone by its deletion.
CREATE FUNCTION contact_owner_lock(organization_id varchar, user_id varchar) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT hashtextextended(organization_id || '/' || user_id, 1129270868) $$;

-- A trigger function is volatile: the tombstone query below reads a snapshot taken after the lock was granted, so it
-- sees a deletion that committed while the insert waited.
CREATE FUNCTION contact_owner_not_deleted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(contact_owner_lock(NEW.organization_id, NEW.owner_user_id));
    IF EXISTS (SELECT FROM deleted_user
               WHERE organization_id = NEW.organization_id AND user_id = NEW.owner_user_id) THEN
        RAISE EXCEPTION 'the owner of the contact was deleted' USING ERRCODE = 'OC001';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER contact_owner_not_deleted BEFORE INSERT ON contact
    FOR EACH ROW EXECUTE FUNCTION contact_owner_not_deleted();
