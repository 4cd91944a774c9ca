-- An organization's ticket list reads its total, not counts it (docs/benchmarks.md, the list paths): counting an
-- organization's 10,000 tickets was nearly all of the list statement's 1.5 ms. These rows hold the count, kept by
-- statement triggers in the transaction of each change, so the page and its exact total are read in one statement
-- and one snapshot. A list with filters, a user's own tokens and the platform's SUPERUSER tickets (no organization)
-- are counted as before.
--
-- 16 rows per organization (shard = hashtext(ticket id) & 15): concurrent issues in one organization lock one counter
-- row each until they commit, and 16 rows keep them from queueing behind one another. A ticket never changes its
-- organization, so inserts and deletes are all that move the count.
CREATE TABLE ticket_count (
    organization_id varchar(64) NOT NULL,
    shard           smallint    NOT NULL,
    tickets         bigint      NOT NULL,
    PRIMARY KEY (organization_id, shard)
);

CREATE FUNCTION ticket_count_added() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO ticket_count AS c (organization_id, shard, tickets)
    SELECT organization_id, hashtext(id) & 15, count(*) FROM added WHERE organization_id IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (organization_id, shard) DO UPDATE SET tickets = c.tickets + excluded.tickets;
    RETURN NULL;
END
$$;

CREATE FUNCTION ticket_count_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE ticket_count c SET tickets = c.tickets - gone.tickets
    FROM (SELECT organization_id, hashtext(id) & 15 AS shard, count(*) AS tickets FROM removed
          WHERE organization_id IS NOT NULL GROUP BY 1, 2) gone
    WHERE c.organization_id = gone.organization_id AND c.shard = gone.shard;
    RETURN NULL;
END
$$;

-- The triggers first, then the counts of what exists: creating a trigger locks its table against writes until this
-- migration commits, so no change falls between the two.
CREATE TRIGGER ticket_count_added AFTER INSERT ON ticket
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ticket_count_added();
CREATE TRIGGER ticket_count_removed AFTER DELETE ON ticket
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ticket_count_removed();

INSERT INTO ticket_count (organization_id, shard, tickets)
SELECT organization_id, hashtext(id) & 15, count(*) FROM ticket WHERE organization_id IS NOT NULL GROUP BY 1, 2;
