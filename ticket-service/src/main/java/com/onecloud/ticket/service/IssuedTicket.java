package com.onecloud.ticket.service;

import com.onecloud.ticket.repository.TicketEntity;

/**
 * A ticket with the credential just issued for it: the only moment token and secret exist in clear, on their way
 * into the one response that carries them. {@code secret} is null for USER tickets.
 */
public record IssuedTicket(TicketEntity ticket, String token, String secret) {

    /** Never print the credential. */
    @Override
    public String toString() {
        return "IssuedTicket[" + ticket.id + "]";
    }
}
