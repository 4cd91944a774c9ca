package com.onecloud.auth.support;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import com.onecloud.auth.credential.CredentialStore;
import com.onecloud.auth.revocation.RevocationListener;

/**
 * What the tests of decisions against the real credential view share: the store whose lookups they count, a start
 * only after the revocation listener's first assignment (which empties the cache), and a log without any credential.
 */
public abstract class DecisionTestBase {

    @Inject
    protected CredentialStore store;

    @Inject
    RevocationListener listener;

    @BeforeEach
    void listenerIsAssigned() {
        Listening.awaitAssignment(listener);
    }

    @AfterAll
    static void noCredentialWasLogged() {
        CapturedLog.assertNoIssuedCredential("Refused credential");
    }
}
