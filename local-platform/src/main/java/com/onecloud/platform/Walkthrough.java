package com.onecloud.platform;

import java.nio.file.Path;

/** What {@code ./onecloud-local} prints once the platform is ready: URLs, the bootstrap credential, curl lines. */
final class Walkthrough {

    private Walkthrough() {
    }

    static String text(Platform p, Path localEnv) {
        return """

                OneCloud is running.
                  ticket-service   %s   (Swagger UI: %s/q/swagger-ui)
                  resource-service %s   (Swagger UI: %s/q/swagger-ui)
                  auth-service     %s   (internal decision point)
                  Kafka            %s

                Bootstrap SUPERUSER (keep private; also in %s):
                  token  %s
                  secret %s

                Try it (in another shell):
                  source %s
                  # who am I allowed to be? list SUPERUSER tickets
                  curl -s -u "$ONECLOUD_BOOTSTRAP_TOKEN:$ONECLOUD_BOOTSTRAP_SECRET" "$ONECLOUD_TICKET_URL/api/admin/v1/tickets"
                  # issue an APPLICATION ticket for organization org-1 (token and secret are shown once)
                  curl -s -u "$ONECLOUD_BOOTSTRAP_TOKEN:$ONECLOUD_BOOTSTRAP_SECRET" -H 'Content-Type: application/json' \\
                       -d '{"name":"my-app","kind":"APPLICATION","apis":["USERS","TICKETS"]}' \\
                       "$ONECLOUD_TICKET_URL/api/admin/v1/organizations/org-1/tickets"
                  # the same list as XML
                  curl -s -H 'Accept: application/xml' -u "$ONECLOUD_BOOTSTRAP_TOKEN:$ONECLOUD_BOOTSTRAP_SECRET" \\
                       "$ONECLOUD_TICKET_URL/api/admin/v1/organizations/org-1/tickets"

                Press Ctrl-C to stop everything.
                """.formatted(p.ticketUrl(), p.ticketUrl(), p.resourceUrl(), p.resourceUrl(), p.authUrl(),
                p.kafkaBootstrapServers(), localEnv, p.bootstrapToken(), p.bootstrapSecret(), localEnv);
    }
}
