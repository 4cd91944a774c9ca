-- API activation (contract §3, rule 7) as resource-service announces it on its directory events: one row per
-- organization (user_id '') with both flags, and one per user whose own User API flag was announced. ticket-service
-- keeps the newest version of each; auth-service reads them through auth_v1.activation. No row for an organization
-- means nothing is activated; no row for a user means its own flag is on (the default).
CREATE TABLE activation (
    organization_id   varchar(64) NOT NULL,
    user_id           varchar(64) NOT NULL DEFAULT '',
    admin_api_enabled boolean,
    user_api_enabled  boolean     NOT NULL,
    version           bigint      NOT NULL,
    changed_at        timestamptz NOT NULL,
    PRIMARY KEY (organization_id, user_id),
    CHECK ((user_id = '') = (admin_api_enabled IS NOT NULL))
);

-- Organizations in service before this version keep both APIs: resource-service's migration activates them and
-- announces it, and until that announcement arrives every organization with a ticket is active here. Version -1
-- yields to any announcement.
INSERT INTO activation (organization_id, admin_api_enabled, user_api_enabled, version, changed_at)
SELECT DISTINCT organization_id, true, true, -1, now()
FROM ticket
WHERE organization_id IS NOT NULL;

CREATE VIEW auth_v1.activation AS
SELECT organization_id,
       NULLIF(user_id, '') AS user_id,
       admin_api_enabled,
       user_api_enabled,
       version
FROM activation;

GRANT SELECT ON auth_v1.activation TO ${authReaderRole};
