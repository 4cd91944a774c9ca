-- A page's total is read, not counted (docs/benchmarks.md, the list paths). Counting a user's 100,000 contacts for
-- every page took milliseconds of a core per request; these tables hold the counts, kept by statement triggers in the
-- transaction of each change, so a page and its exact total are read in one statement and one snapshot.
--
-- A user's contacts are counted in 16 rows (shard = hashtext(contact id) & 15): concurrent inserts of one owner lock
-- one counter row each until they commit, and 16 rows keep them from queueing behind one another.
CREATE TABLE contact_count (
    organization_id varchar(16) NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    owner_user_id   varchar(64) NOT NULL,
    shard           smallint    NOT NULL,
    contacts        bigint      NOT NULL,
    PRIMARY KEY (organization_id, owner_user_id, shard)
);

-- Users are created by administrators, one at a time: one row per organization.
CREATE TABLE directory_user_count (
    organization_id varchar(16) PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
    users           bigint      NOT NULL
);

CREATE FUNCTION contact_count_added() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO contact_count AS c (organization_id, owner_user_id, shard, contacts)
    SELECT organization_id, owner_user_id, hashtext(id) & 15, count(*) FROM added GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT (organization_id, owner_user_id, shard) DO UPDATE SET contacts = c.contacts + excluded.contacts;
    RETURN NULL;
END
$$;

-- A deletion by an organization's cascade may find the counter rows gone already (their own cascade): nothing to do.
CREATE FUNCTION contact_count_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE contact_count c SET contacts = c.contacts - gone.contacts
    FROM (SELECT organization_id, owner_user_id, hashtext(id) & 15 AS shard, count(*) AS contacts FROM removed
          GROUP BY 1, 2, 3) gone
    WHERE c.organization_id = gone.organization_id AND c.owner_user_id = gone.owner_user_id AND c.shard = gone.shard;
    RETURN NULL;
END
$$;

CREATE FUNCTION directory_user_count_added() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO directory_user_count AS c (organization_id, users)
    SELECT organization_id, count(*) FROM added GROUP BY 1 ORDER BY 1
    ON CONFLICT (organization_id) DO UPDATE SET users = c.users + excluded.users;
    RETURN NULL;
END
$$;

CREATE FUNCTION directory_user_count_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE directory_user_count c SET users = c.users - gone.users
    FROM (SELECT organization_id, count(*) AS users FROM removed GROUP BY 1) gone
    WHERE c.organization_id = gone.organization_id;
    RETURN NULL;
END
$$;

-- The triggers first, then the counts of what exists: creating a trigger locks its table against writes until this
-- migration commits, so no change falls between the two.
CREATE TRIGGER contact_count_added AFTER INSERT ON contact
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION contact_count_added();
CREATE TRIGGER contact_count_removed AFTER DELETE ON contact
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION contact_count_removed();
CREATE TRIGGER directory_user_count_added AFTER INSERT ON directory_user
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION directory_user_count_added();
CREATE TRIGGER directory_user_count_removed AFTER DELETE ON directory_user
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION directory_user_count_removed();

INSERT INTO contact_count (organization_id, owner_user_id, shard, contacts)
SELECT organization_id, owner_user_id, hashtext(id) & 15, count(*) FROM contact GROUP BY 1, 2, 3;
INSERT INTO directory_user_count (organization_id, users)
SELECT organization_id, count(*) FROM directory_user GROUP BY 1;
