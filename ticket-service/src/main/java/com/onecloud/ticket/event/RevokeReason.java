package com.onecloud.ticket.event;

/** Why a ticket or one of its credentials stopped working; the {@code reason} of the revoked event. */
public enum RevokeReason {
    /** Revoked by a client through the API. */
    REVOKED,
    /** The credential replaced by a rotation reached the end of its grace period. */
    ROTATION_GRACE_ENDED,
    /** The ticket's user was deleted from the directory. */
    USER_DELETED,
    /** The ticket's organization was deleted. */
    ORGANIZATION_DELETED,
    /** The bootstrap SUPERUSER ticket was replaced by the one of a changed configuration. */
    BOOTSTRAP_REPLACED
}
