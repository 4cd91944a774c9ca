package com.onecloud.auth.support;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import com.onecloud.auth.credential.CredentialStore;
import com.onecloud.revocation.RevocationFeed;

/**
 * What the tests of decisions against the real credential view share: the store whose lookups they count, a start
 * only after the revocation listener's first assignment (which empties the cache), and a log without any credential.
 */
public abstract class DecisionTestBase {

    @Inject
    protected CredentialStore store;

    @Inject
    RevocationFeed listener;

    @BeforeEach
    void listenerIsAssigned() {
        Listening.awaitAssignment(listener);
    }

    @AfterAll
    static void noCredentialWasLogged() {
        CapturedLog.assertNoIssuedCredential("Refused credential");
    }
}
