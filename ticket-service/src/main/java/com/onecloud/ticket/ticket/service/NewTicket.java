package com.onecloud.ticket.ticket.service;

import java.time.Instant;
import java.util.Set;

import com.onecloud.access.Api;
import com.onecloud.access.PrincipalKind;

/** A validated request to issue a ticket. {@code expiresAt} null means the default validity. */
public record NewTicket(String organizationId, PrincipalKind kind, String userId, String name, Set<Api> apis,
        Instant expiresAt) {
}
