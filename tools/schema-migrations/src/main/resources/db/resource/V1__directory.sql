-- Fragment search (contact search, "q" anywhere in a name, email or number) uses trigram indexes, which keep
-- LIKE '%fragment%' fast at millions of rows. search_text is lowercased with ICU's root locale, not the database's
-- default collation (which may be "C" and then folds ASCII only), so that it agrees with the service's
-- String.toLowerCase(Locale.ROOT) of the query for every script (Ä/ä, Σ/ς, ...).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE organization (
    id         varchar(16)  PRIMARY KEY,
    name       varchar(200) NOT NULL,
    version    bigint       NOT NULL,
    created_at timestamptz  NOT NULL
);
CREATE INDEX organization_page_idx ON organization (created_at, id);

-- The organization's user directory.
CREATE TABLE directory_user (
    id              varchar(16)  PRIMARY KEY,
    organization_id varchar(16)  NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    first_name      varchar(100) NOT NULL,
    last_name       varchar(100) NOT NULL,
    email           varchar(254) NOT NULL,
    phone_number    varchar(16),
    version         bigint       NOT NULL,
    created_at      timestamptz  NOT NULL,
    search_text     text GENERATED ALWAYS AS (lower((first_name || ' ' || last_name || ' ' || email || ' '
                        || coalesce(phone_number, '')) COLLATE "und-x-icu")) STORED
);
CREATE UNIQUE INDEX directory_user_email_idx ON directory_user (organization_id, lower(email));
CREATE INDEX directory_user_page_idx ON directory_user (organization_id, created_at, id);
CREATE INDEX directory_user_search_idx ON directory_user USING gin (search_text gin_trgm_ops);

-- A user's personal contacts; owner_user_id is the userId of the USER credential that manages them.
CREATE TABLE contact (
    id              varchar(16)  PRIMARY KEY,
    organization_id varchar(16)  NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    owner_user_id   varchar(64)  NOT NULL,
    first_name      varchar(100) NOT NULL,
    last_name       varchar(100),
    company         varchar(200),
    email           varchar(254),
    phone_number    varchar(16),
    version         bigint       NOT NULL,
    created_at      timestamptz  NOT NULL,
    search_text     text GENERATED ALWAYS AS (lower((first_name || ' ' || coalesce(last_name, '') || ' '
                        || coalesce(company, '') || ' ' || coalesce(email, '') || ' '
                        || coalesce(phone_number, '')) COLLATE "und-x-icu")) STORED
);
CREATE INDEX contact_page_idx ON contact (organization_id, owner_user_id, created_at, id);
CREATE INDEX contact_search_idx ON contact USING gin (search_text gin_trgm_ops);
