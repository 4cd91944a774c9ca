package com.onecloud.revocation;

import com.onecloud.events.ActivationChanged;

/**
 * What this process keeps of API activations (contract §3, rule 7), told by the {@link RevocationFeed} of every change
 * that ticket-service has stored for auth-service's decision view: the same path, and the same bound, as a revocation.
 */
public interface ActivationListener {

    /** The organization's or user's activation is now as {@code change} says. */
    void activationChanged(ActivationChanged change);

    /** The feed's position was set anew: changes before it may never arrive. */
    void positionLost();
}
