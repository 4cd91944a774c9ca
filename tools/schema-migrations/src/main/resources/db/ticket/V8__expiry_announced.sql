-- Subscribers of an organization's tickets (contract §4) hear when a ticket expires: ticket-service announces each
-- expiry once, through the outbox, and marks it here. Tickets that expired before this migration are not announced.
ALTER TABLE ticket ADD COLUMN expiry_announced boolean NOT NULL DEFAULT false;
UPDATE ticket SET expiry_announced = true WHERE expires_at <= now();
-- The job's query: the unannounced expiries that are due, soonest first.
CREATE INDEX ticket_expiry_due ON ticket (expires_at) WHERE NOT expiry_announced AND revoked_at IS NULL;
