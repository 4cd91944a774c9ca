package com.onecloud.ticket.rest;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.onecloud.ticket.service.IssuedTicket;
import com.onecloud.ticket.support.Times;

/**
 * The responses that carry a token or secret in clear (create, rotation): no cache, shared or private, may store them
 * ({@code Cache-Control: no-store}; {@code Pragma: no-cache} for HTTP/1.0 caches).
 */
final class CredentialResponses {

    static final String NO_STORE = "Cache-Control: no-store and Pragma: no-cache, since it carries the credential.";

    private CredentialResponses() {
    }

    /** 201 with the new ticket's location. */
    static Response created(URI location, IssuedTicket issued) {
        return noStore(Response.created(location), issued);
    }

    /** 200 with the ticket's new credential. */
    static Response rotated(IssuedTicket issued) {
        return noStore(Response.ok(), issued);
    }

    private static Response noStore(Response.ResponseBuilder response, IssuedTicket issued) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache")
                .entity(TicketView.issued(issued, Times.now())).build();
    }
}
