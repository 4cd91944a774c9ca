package com.onecloud.audit;

import java.util.Arrays;
import java.util.Optional;

/** The actions the audit trail records (contract §4), each with its name on the wire. */
public enum AuditAction {
    TICKET_CREATED("ticket.created"),
    TICKET_ROTATED("ticket.rotated"),
    TICKET_REVOKED("ticket.revoked"),
    ORGANIZATION_CREATED("organization.created"),
    ORGANIZATION_UPDATED("organization.updated"),
    ORGANIZATION_DELETED("organization.deleted"),
    USER_CREATED("user.created"),
    USER_UPDATED("user.updated"),
    USER_DELETED("user.deleted");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    /** {@code ticket.created}, ... */
    public String wireName() {
        return wireName;
    }

    /** The action of that wire name, if there is one. */
    public static Optional<AuditAction> named(String wireName) {
        return Arrays.stream(values()).filter(action -> action.wireName.equals(wireName)).findFirst();
    }
}
