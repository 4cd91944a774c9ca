package com.onecloud.authclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Decision;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;

class DecisionCacheTest {

    private final DecisionCache cache = new DecisionCache(new AuthClientConfig() {
        @Override
        public Duration cacheMaxAge() {
            return Duration.ofSeconds(30);
        }

        @Override
        public long cacheMaxSize() {
            return 100;
        }

        @Override
        public int retryAfterSeconds() {
            return 2;
        }
    });

    private static Decision allow(String ticketId, Instant expiresAt) {
        return Decision.allow(new Principal(PrincipalKind.USER, ticketId, ticketId, "org", "user",
                Set.of(Api.CONTACTS), expiresAt), 30);
    }

    @Test
    void keepsAllowDecisionsOnly() {
        cache.put("k1", allow("t1", null));
        cache.put("k2", Decision.refuse(Decision.Outcome.UNAUTHENTICATED, "invalid_token", "no", 30));
        assertThat(cache.get("k1")).isNotNull();
        assertThat(cache.get("k2")).isNull();
    }

    @Test
    void neverKeepsADecisionPastTheCredentialsExpiry() {
        cache.put("k1", allow("t1", Instant.now().minusSeconds(1)));
        assertThat(cache.get("k1")).isNull();
    }

    @Test
    void aRevocationEvictsEveryDecisionOfTheTicketAndNoneIsCachedOrHonouredAfterIt() {
        cache.put("bearer", allow("t1", null));
        cache.put("query", allow("t1", null));
        cache.put("other", allow("t2", null));
        assertThat(cache.revokeTicket("t1")).isEqualTo(2);
        assertThat(cache.get("bearer")).isNull();
        assertThat(cache.get("query")).isNull();
        assertThat(cache.get("other")).isNotNull();

        // auth-service may answer from its own cache before it has seen the same revocation: neither kept nor trusted.
        cache.put("bearer", allow("t1", null));
        assertThat(cache.get("bearer")).isNull();
        assertThat(cache.isRevoked("t1")).isTrue();
        assertThat(cache.isRevoked("t2")).isFalse();
    }

    @Test
    void theEndOfARotationsGraceEvictsButTheTicketLivesOn() {
        cache.put("old", allow("t1", null));
        assertThat(cache.revokeCredential("t1", "c-old")).isEqualTo(1);
        cache.put("new", allow("t1", null));
        assertThat(cache.get("new")).isNotNull();
        assertThat(cache.isRevoked("t1")).isFalse();
    }
}
