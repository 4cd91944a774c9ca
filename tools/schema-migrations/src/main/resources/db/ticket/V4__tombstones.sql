-- Tombstones: the users and organizations resource-service deleted (its directory events). Deletion is final: no ticket
-- is issued for them again. Each is written in the transaction that revokes their tickets, and the service's role may
-- add one but never change or remove one.
CREATE TABLE deleted_organization (
    organization_id varchar(64) PRIMARY KEY,
    deleted_at      timestamptz NOT NULL
);

CREATE TABLE deleted_user (
    organization_id varchar(64) NOT NULL,
    user_id         varchar(64) NOT NULL,
    deleted_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);

-- db/service-role's default privileges would also grant UPDATE and DELETE.
GRANT SELECT, INSERT ON deleted_organization, deleted_user TO ${serviceRole};
REVOKE UPDATE, DELETE, TRUNCATE ON deleted_organization, deleted_user FROM ${serviceRole};

-- The bootstrap SUPERUSER ticket, the one made from configuration: when the configured credential changes, every other
-- bootstrap ticket is revoked. Before this column the bootstrap ticket was known by its kind and name only.
ALTER TABLE ticket ADD COLUMN bootstrap boolean NOT NULL DEFAULT false;
UPDATE ticket SET bootstrap = true WHERE kind = 'SUPERUSER' AND name = 'bootstrap';
