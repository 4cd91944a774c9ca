package com.onecloud.auth.cache;

import static com.onecloud.auth.support.Decisions.decide;
import static com.onecloud.auth.support.Decisions.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.PrincipalKind;
import com.onecloud.auth.support.DecisionTestBase;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.auth.support.Tickets;
import com.onecloud.auth.support.Tickets.Issued;
import com.onecloud.testsupport.EmbeddedKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The bound that holds with no revocation event at all (Kafka down, contract §6): a credential revoked in the database
 * keeps its cached ALLOW at most for the cache TTL (2 s in this profile), then is refused.
 */
@QuarkusTest
@TestProfile(ShortTtlProfile.class)
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class CacheTtlTest extends DecisionTestBase {

    @Test
    void withoutAnEventARevokedCredentialIsRefusedOnceTheTtlHasPassed() {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        int cacheSeconds = decide(user.bearer(), Audience.USER_API, Api.CONTACTS).statusCode(200)
                .extract().path("cacheSeconds");
        assertThat(cacheSeconds).as("the caller may not reuse the answer longer than the TTL").isBetween(1, 2);
        Tickets.revokeInDatabase(user.ticketId());

        long lookups = store.lookups();
        assertThat(outcome(user.bearer(), Audience.USER_API, Api.CONTACTS)).as("still cached").isEqualTo("ALLOW");
        assertThat(store.lookups()).isEqualTo(lookups);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> "UNAUTHENTICATED".equals(outcome(user.bearer(), Audience.USER_API, Api.CONTACTS)));
        assertThat(store.lookups()).as("the expired entry was looked up again").isGreaterThan(lookups);
    }

    @Test
    void aValidCredentialIsLookedUpAgainAfterTheTtl() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, Set.of(Api.USERS));
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");
        long lookups = store.lookups();
        await().pollDelay(Duration.ofMillis(2100)).atMost(Duration.ofSeconds(4))
                .until(() -> "ALLOW".equals(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)));
        assertThat(store.lookups()).isEqualTo(lookups + 1);
    }
}
