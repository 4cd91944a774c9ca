-- Usage (contract §4): each ticket's requests per UTC day as the services that decide report them on usage-events,
-- and its last allowed request. Each report is added once (processed_event holds its id).
ALTER TABLE ticket ADD COLUMN last_used_at timestamptz;

CREATE TABLE ticket_usage (
    ticket_id varchar(16) NOT NULL REFERENCES ticket (id),
    day       date        NOT NULL,
    allowed   bigint      NOT NULL,
    forbidden bigint      NOT NULL,
    invalid   bigint      NOT NULL,
    PRIMARY KEY (ticket_id, day)
);
