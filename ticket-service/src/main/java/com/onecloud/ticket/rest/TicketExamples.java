package com.onecloud.ticket.rest;

/** Request bodies (JSON) and texts the OpenAPI document shows for tickets (annotation values must be constants). */
final class TicketExamples {

    static final String APPLICATION_JSON = """
            {"name": "crm", "kind": "APPLICATION", "apis": ["USERS", "TICKETS"]}""";
    static final String USER_JSON = """
            {"name": "alice-phone", "kind": "USER", "userId": "4fT9xQ2mZk7LpR1c", "apis": ["CONTACTS"],
             "expiresAt": "2027-06-30T00:00:00Z"}""";
    static final String SUPERUSER_JSON = """
            {"name": "operations", "kind": "SUPERUSER", "apis": ["TICKETS", "USERS"]}""";
    static final String OWN_TOKEN_JSON = """
            {"name": "phone", "apis": ["CONTACTS"]}""";
    static final String ROTATION_JSON = """
            {"graceSeconds": 3600}""";

    static final String NOT_ACTIVE = "The ticket is revoked or expired: only an active ticket can be rotated.";

    private TicketExamples() {
    }
}
