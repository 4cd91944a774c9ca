package com.onecloud.platform;

import java.nio.file.Path;

/**
 * What {@code ./onecloud-local} prints once the platform is ready: the URLs, the bootstrap credential, and a
 * walkthrough of curl lines that works as printed (JSON fields are picked out with sed, so nothing beyond curl is
 * needed).
 */
final class Walkthrough {

    private Walkthrough() {
    }

    static String text(Platform p, Path localEnv, Path replicasEnv) {
        return """

                OneCloud is running.
                  ticket-service   %s   (Swagger UI: %s/q/swagger-ui)
                  resource-service %s   (Swagger UI: %s/q/swagger-ui)
                  auth-service     %s   (internal decision point)
                  Kafka            %s
                %s%s
                Bootstrap SUPERUSER (keep private; also in %s):
                  token  %s
                  secret %s

                Try it in another shell, from this folder:
                  source %s
                  field() { sed -n "s/.*\\"$1\\":\\"\\([^\\"]*\\)\\".*/\\1/p"; }
                  SU="$ONECLOUD_BOOTSTRAP_TOKEN:$ONECLOUD_BOOTSTRAP_SECRET"; JSON='Content-Type: application/json'
                  # the superuser creates an organization with the Admin API and the User API activated (every service
                  # acts on that within a second) and an APPLICATION ticket for it (token and secret shown once)
                  ORG=$(curl -s -u "$SU" -H "$JSON" -d '{"name":"Acme","adminApiEnabled":true,"userApiEnabled":true}' \
                        "$ONECLOUD_RESOURCE_URL/api/admin/v1/organizations" | field id); sleep 1
                  APP=$(curl -s -u "$SU" -H "$JSON" -d '{"name":"crm","kind":"APPLICATION","apis":["USERS","TICKETS"]}' \\
                        "$ONECLOUD_TICKET_URL/api/admin/v1/organizations/$ORG/tickets")
                  APP_AUTH="$(echo "$APP" | field token):$(echo "$APP" | field secret)"
                  # the application adds a user and issues a USER token for her
                  ALICE=$(curl -s -u "$APP_AUTH" -H "$JSON" -d '{"firstName":"Alice","lastName":"Andersson","email":"alice@example.com"}' \\
                        "$ONECLOUD_RESOURCE_URL/api/admin/v1/organizations/$ORG/users" | field id)
                  TOKEN=$(curl -s -u "$APP_AUTH" -H "$JSON" -d "{\\"name\\":\\"phone\\",\\"kind\\":\\"USER\\",\\"userId\\":\\"$ALICE\\",\\"apis\\":[\\"CONTACTS\\"]}" \\
                        "$ONECLOUD_TICKET_URL/api/admin/v1/organizations/$ORG/tickets" | field token)
                  # Alice keeps a contact (JSON), lists them (XML) and searches contacts and the directory
                  curl -s -H "Authorization: Bearer $TOKEN" -H "$JSON" -d '{"firstName":"Bob","company":"Globex"}' "$ONECLOUD_RESOURCE_URL/api/user/v1/contacts"; echo
                  curl -s -H "Authorization: Bearer $TOKEN" -H 'Accept: application/xml' "$ONECLOUD_RESOURCE_URL/api/user/v1/contacts"; echo
                  curl -s -H "Authorization: Bearer $TOKEN" "$ONECLOUD_RESOURCE_URL/api/user/v1/contacts/search?q=al"; echo

                Press Ctrl-C to stop everything.
                """.formatted(p.ticketUrl(), p.ticketUrl(), p.resourceUrl(), p.resourceUrl(), p.authUrl(),
                p.kafkaBootstrapServers(), console(p), replicas(p, replicasEnv), localEnv, p.bootstrapToken(), p.bootstrapSecret(),
                localEnv);
    }

    /** The console's URL and how to sign in, when it runs. */
    private static String console(Platform p) {
        if (p.consoleUrl() == null) {
            return "";
        }
        return """
                  admin-console    %s   (open it in a browser; sign in with the bootstrap token and secret below)
                """.formatted(p.consoleUrl());
    }

    /** Every replica's URL when there are several; nothing otherwise. */
    private static String replicas(Platform p, Path replicasEnv) {
        if (p.replicas() == 1) {
            return "";
        }
        return """
                  %d replicas of each service; the URLs above are replica 1's, every replica's are also in %s
                  (replica i of ticket- and resource-service calls replica i of auth-service):
                    ticket-service   %s
                    resource-service %s
                    auth-service     %s
                """.formatted(p.replicas(), replicasEnv, String.join("  ", p.urls(Platform.TICKET)),
                String.join("  ", p.urls(Platform.RESOURCE)), String.join("  ", p.urls(Platform.AUTH)));
    }
}
