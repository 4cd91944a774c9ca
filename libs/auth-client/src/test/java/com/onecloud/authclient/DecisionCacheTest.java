package com.onecloud.authclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Decision;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;

class DecisionCacheTest {

    private static final Duration STALE_AFTER = Duration.ofMillis(200);

    private final AtomicBoolean feedCurrent = new AtomicBoolean(true);
    private final DecisionCache cache = new DecisionCache(new TestConfig(), feedCurrent::get, STALE_AFTER);

    private static Decision allow(String ticketId, Instant expiresAt) {
        return allow(ticketId, "c-" + ticketId, expiresAt);
    }

    private static Decision allow(String ticketId, String credentialId, Instant expiresAt) {
        return Decision.allow(new Principal(PrincipalKind.USER, ticketId, ticketId, "org", "user",
                Set.of(Api.CONTACTS), expiresAt, credentialId), 30);
    }

    private void put(String key, Decision decision) {
        cache.put(key, decision, cache.epoch());
    }

    @Test
    void keepsAllowDecisionsOnly() {
        put("k1", allow("t1", null));
        put("k2", Decision.refuse(Decision.Outcome.UNAUTHENTICATED, "invalid_token", "no", 30));
        assertThat(cache.get("k1")).isNotNull();
        assertThat(cache.get("k2")).isNull();
    }

    @Test
    void neverKeepsADecisionPastTheCredentialsEnd() {
        put("k1", allow("t1", Instant.now().minusSeconds(1)));
        assertThat(cache.get("k1")).isNull();
    }

    @Test
    void aRevocationEvictsEveryDecisionOfTheTicketAndNoneIsCachedOrHonouredAfterIt() {
        put("bearer", allow("t1", null));
        put("query", allow("t1", null));
        put("other", allow("t2", null));
        assertThat(cache.revokeTicket("t1")).isEqualTo(2);
        assertThat(cache.get("bearer")).isNull();
        assertThat(cache.get("query")).isNull();
        assertThat(cache.get("other")).isNotNull();

        // auth-service may answer from its own cache before it has seen the same revocation: neither kept nor trusted.
        put("bearer", allow("t1", null));
        assertThat(cache.get("bearer")).isNull();
        assertThat(cache.isRevoked(allow("t1", null).principal())).isTrue();
        assertThat(cache.isRevoked(allow("t2", null).principal())).isFalse();
    }

    @Test
    void theEndOfARotationsGraceRefusesTheOldCredentialOnlyAndTheTicketLivesOn() {
        put("old", allow("t1", "c-old", null));
        put("new", allow("t1", "c-new", null));
        assertThat(cache.revokeCredential("t1", "c-old")).isEqualTo(1);
        assertThat(cache.get("old")).isNull();
        assertThat(cache.get("new")).isNotNull();

        // A late ALLOW for the old credential (auth-service has not seen the event yet) is neither kept nor trusted.
        put("old", allow("t1", "c-old", null));
        assertThat(cache.get("old")).isNull();
        assertThat(cache.isRevoked(allow("t1", "c-old", null).principal())).isTrue();
        assertThat(cache.isRevoked(allow("t1", "c-new", null).principal())).isFalse();
    }

    @Test
    void aRotationDropsTheTicketsDecisionsAndKeepsNoneOnAReplacedCredentialPastTheGracesEnd() {
        put("old", allow("t1", "c-old", null));
        Instant graceEnd = Instant.now().plusMillis(300);
        assertThat(cache.rotated("t1", "c-new", graceEnd)).isEqualTo(1);
        assertThat(cache.get("old")).isNull();

        // auth-service, not yet aware of the rotation, answers for the old credential with the ticket's lifetime.
        put("old", allow("t1", "c-old", Instant.now().plusSeconds(3600)));
        put("new", allow("t1", "c-new", Instant.now().plusSeconds(3600)));
        assertThat(cache.get("old")).as("kept during the grace").isNotNull();
        assertThat(cache.refuses(allow("t1", "c-old", null).principal())).isFalse();
        await().atMost(Duration.ofSeconds(2)).until(() -> cache.get("old") == null);
        assertThat(cache.refuses(allow("t1", "c-old", Instant.now().plusSeconds(3600)).principal()))
                .as("a late ALLOW after the grace's end is not trusted").isTrue();
        assertThat(cache.get("new")).isNotNull();
        assertThat(cache.refuses(allow("t1", "c-new", null).principal())).isFalse();
    }

    @Test
    void aClearKeepsTheRevocationsAndRefusesDecisionsAskedForBeforeIt() {
        put("k1", allow("t1", null));
        cache.revokeTicket("t2");
        cache.revokeCredential("t3", "c-old");
        long before = cache.epoch();

        assertThat(cache.clear()).isEqualTo(1);
        assertThat(cache.get("k1")).isNull();
        assertThat(cache.isRevoked(allow("t2", null).principal())).as("not forgotten").isTrue();
        assertThat(cache.isRevoked(allow("t3", "c-old", null).principal())).as("not forgotten").isTrue();

        cache.put("k1", allow("t1", null), before);
        assertThat(cache.get("k1")).as("asked for before the clear").isNull();
        put("k1", allow("t1", null));
        assertThat(cache.get("k1")).as("asked for after it").isNotNull();
    }

    @Test
    void whileTheFeedIsOutOfTouchOnlyEntriesYoungerThanItsBoundAreUsed() throws InterruptedException {
        put("old", allow("t1", null));
        Thread.sleep(STALE_AFTER.toMillis() + 50);
        put("young", allow("t2", null));
        feedCurrent.set(false);
        assertThat(cache.get("old")).as("a revocation of it may be on its way").isNull();
        assertThat(cache.get("young")).isNotNull();

        feedCurrent.set(true);
        assertThat(cache.get("old")).as("trusted again once revocations arrive").isNotNull();
    }
}
