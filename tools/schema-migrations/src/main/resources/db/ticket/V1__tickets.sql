-- Tickets: credential records. Tokens and secrets are never stored, only their SHA-256 (see CredentialHash).
CREATE TABLE ticket (
    id              varchar(16)  PRIMARY KEY,
    organization_id varchar(64),                 -- null for SUPERUSER tickets
    user_id         varchar(64),                 -- set for USER tickets
    kind            varchar(16)  NOT NULL CHECK (kind IN ('USER', 'APPLICATION', 'SUPERUSER')),
    name            varchar(200) NOT NULL,
    apis            varchar(64)  NOT NULL,       -- comma-separated Api names, e.g. 'CONTACTS,USERS'
    created_at      timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    revoked_at      timestamptz,
    revoke_reason   varchar(32),
    CHECK ((kind = 'SUPERUSER') = (organization_id IS NULL)),
    CHECK ((kind = 'USER') = (user_id IS NOT NULL))
);
CREATE INDEX ticket_org_created_idx ON ticket (organization_id, created_at, id);
CREATE INDEX ticket_org_user_idx ON ticket (organization_id, user_id);

-- One ticket has one live credential, or two during a rotation's grace period. The token carries the credential id,
-- so verification is a primary-key lookup.
CREATE TABLE credential (
    id            varchar(16) PRIMARY KEY,
    ticket_id     varchar(16) NOT NULL REFERENCES ticket (id),
    token_hash    bytea       NOT NULL,
    secret_hash   bytea,                         -- null for USER tickets (Bearer token only)
    created_at    timestamptz NOT NULL,
    not_after     timestamptz,                   -- end of a rotation's grace for the replaced credential
    retired_at    timestamptz                    -- when the end of its grace was published as a revocation
);
CREATE INDEX credential_ticket_idx ON credential (ticket_id);
CREATE INDEX credential_grace_idx ON credential (not_after) WHERE not_after IS NOT NULL AND retired_at IS NULL;

-- Consumed events already handled (consumers are idempotent on the CloudEvents id).
CREATE TABLE processed_event (
    id           varchar(100) PRIMARY KEY,
    processed_at timestamptz  NOT NULL
);
