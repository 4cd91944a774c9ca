package com.onecloud.auth.decision;

import java.net.URL;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.onecloud.access.Api;
import com.onecloud.access.PrincipalKind;
import com.onecloud.auth.support.CapturedLog;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.auth.support.Tickets;
import com.onecloud.auth.support.Tickets.Issued;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.contract.CredentialIssuer;
import com.onecloud.testsupport.contract.CredentialState;
import com.onecloud.testsupport.contract.DecisionContract;
import com.onecloud.testsupport.contract.IssuedCredential;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The shared decision contract (test-support), run against the real endpoint with credentials written into the real
 * ticket tables: the auth-service double other services test against is held to the same cases.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class DecisionContractTest {

    @TestHTTPResource("/")
    URL root;

    @AfterAll
    static void noCredentialWasLogged() {
        CapturedLog.assertNoIssuedCredential("Refused credential");
    }

    @TestFactory
    Stream<DynamicTest> decisionContract() {
        String baseUrl = root.toString().replaceFirst("/$", "");
        return DecisionContract.tests(baseUrl, new DatabaseIssuer());
    }

    /** Issues a credential as ticket-service stores it: ticket and credential rows, hashes only. */
    static final class DatabaseIssuer implements CredentialIssuer {

        @Override
        public IssuedCredential issue(PrincipalKind kind, Set<Api> apis, CredentialState state) {
            Issued issued = state == CredentialState.EXPIRED
                    ? Tickets.issue(kind, apis, Instant.now().minusSeconds(60))
                    : Tickets.issue(kind, apis);
            if (state == CredentialState.REVOKED) {
                Tickets.revokeInDatabase(issued.ticketId());
            }
            return new IssuedCredential(issued.token(), issued.secret());
        }
    }
}
