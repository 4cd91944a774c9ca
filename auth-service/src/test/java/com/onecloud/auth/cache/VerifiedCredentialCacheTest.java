package com.onecloud.auth.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;
import com.onecloud.access.Api;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.PresentedCredential;
import com.onecloud.access.credential.TokenFormat;

/** The cache's bounds and eviction, on a manual clock. */
class VerifiedCredentialCacheTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;
    private final AtomicBoolean feedCurrent = new AtomicBoolean(true);
    private final VerifiedCredentialCache cache = new VerifiedCredentialCache(Duration.ofSeconds(30), 1000, ticker,
            feedCurrent::get);

    VerifiedCredentialCacheTest() {
        advance(Duration.ofMillis(1)); // lookups start after the cache was created
    }
    private final Instant now = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void keysAreHashesOfTheMaterialNeverTheMaterial() {
        String token = TokenFormat.newToken(TokenFormat.newId());
        String secret = TokenFormat.newSecret();
        String bearerKey = VerifiedCredentialCache.keyOf(new PresentedCredential.Token(token));
        String basicKey = VerifiedCredentialCache.keyOf(new PresentedCredential.TokenAndSecret(token, secret));
        assertThat(bearerKey).hasSize(64).doesNotContain(token);
        assertThat(basicKey).hasSize(64).doesNotContain(token).doesNotContain(secret).isNotEqualTo(bearerKey);
    }

    @Test
    void anEntryLivesAtMostTheTtl() {
        Principal p = principal("T1", now.plus(Duration.ofDays(1)));
        assertThat(cache.put("k", "C1", p, cache.lookupStarted(), now)).isEqualTo(30);
        advance(Duration.ofSeconds(29));
        assertThat(cache.get("k")).hasValueSatisfying(hit -> assertThat(hit.remainingSeconds()).isEqualTo(1));
        advance(Duration.ofSeconds(1));
        assertThat(cache.get("k")).isEmpty();
    }

    @Test
    void anEntryInItsLastSecondIsAMissSoThatALookupRenewsIt() {
        Principal p = principal("T1", now.plus(Duration.ofDays(1)));
        cache.put("k", "C1", p, cache.lookupStarted(), now);
        advance(Duration.ofMillis(29_500));
        assertThat(cache.get("k")).as("0.5 s left: no caller could reuse it").isEmpty();
        assertThat(cache.put("k", "C1", p, cache.lookupStarted(), now)).isEqualTo(30);
        assertThat(cache.get("k")).hasValueSatisfying(hit -> assertThat(hit.remainingSeconds()).isEqualTo(30));
    }

    @Test
    void anEntryNeverOutlivesTheCredential() {
        Principal p = principal("T1", now.plusSeconds(5));
        assertThat(cache.put("k", "C1", p, cache.lookupStarted(), now)).isEqualTo(5);
        advance(Duration.ofSeconds(5));
        assertThat(cache.get("k")).isEmpty();
        assertThat(cache.put("k2", "C2", principal("T2", now.plusMillis(500)), cache.lookupStarted(), now))
                .as("less than a second left: the caller may not reuse it").isZero();
    }

    @Test
    void evictingATicketRemovesAllItsEntriesAndIsIdempotent() {
        cache.put("a", "C1", principal("T1", now.plusSeconds(3600)), cache.lookupStarted(), now);
        cache.put("b", "C2", principal("T1", now.plusSeconds(3600)), cache.lookupStarted(), now);
        cache.put("c", "C3", principal("T2", now.plusSeconds(3600)), cache.lookupStarted(), now);
        assertThat(cache.revokeTicket("T1")).isEqualTo(2);
        assertThat(cache.revokeTicket("T1")).isZero();
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("c")).isPresent();
    }

    @Test
    void evictingACredentialKeepsTheTicketsOtherCredential() {
        cache.put("old", "C1", principal("T1", now.plusSeconds(3600)), cache.lookupStarted(), now);
        cache.put("new", "C2", principal("T1", now.plusSeconds(3600)), cache.lookupStarted(), now);
        assertThat(cache.revokeCredential("T1", "C1")).isEqualTo(1);
        assertThat(cache.get("old")).isEmpty();
        assertThat(cache.get("new")).isPresent();
        assertThat(cache.revokeTicket("T1")).as("the index still knows the remaining entry").isEqualTo(1);
    }

    @Test
    void whileTheFeedIsOutOfTouchEntriesLiveAtMostItsBound() {
        cache.put("old", "C1", principal("T1", now.plusSeconds(3600)), cache.lookupStarted(), now);
        advance(Duration.ofSeconds(6));
        feedCurrent.set(false);
        assertThat(cache.get("old")).as("a revocation of it may be on its way").isEmpty();
        assertThat(cache.put("young", "C2", principal("T2", now.plusSeconds(3600)), cache.lookupStarted(), now))
                .as("callers may reuse it no longer either").isEqualTo(5);
        advance(Duration.ofSeconds(2));
        assertThat(cache.get("young")).hasValueSatisfying(hit -> assertThat(hit.remainingSeconds()).isEqualTo(3));

        feedCurrent.set(true);
        assertThat(cache.get("old")).as("trusted again once revocations arrive").isPresent();
    }

    @Test
    void aRotationDropsTheTicketsEntriesAndALookupThatReadTheOldEnd() {
        cache.put("old", "C1", principal("T1", now.plusSeconds(3600)), cache.lookupStarted(), now);
        long started = cache.lookupStarted();
        advance(Duration.ofMillis(10));
        assertThat(cache.rotated("T1", "C2", now.plusSeconds(60))).isEqualTo(1);
        assertThat(cache.get("old")).as("read again, with the end the rotation gave it").isEmpty();
        assertThat(cache.put("old", "C1", principal("T1", now.plusSeconds(3600)), started, now))
                .as("looked up before the rotation").isZero();
        advance(Duration.ofMillis(10));
        assertThat(cache.put("old", "C1", principal("T1", now.plusSeconds(5)), cache.lookupStarted(), now))
                .as("looked up after it").isEqualTo(5);
    }

    @Test
    void aLookupRunningWhileItsTicketWasRevokedIsNotCached() {
        long started = cache.lookupStarted();
        advance(Duration.ofMillis(10));
        cache.revokeTicket("T1");
        advance(Duration.ofMillis(10));
        assertThat(cache.put("k", "C1", principal("T1", now.plusSeconds(3600)), started, now)).isZero();
        assertThat(cache.get("k")).isEmpty();
        // A lookup that starts after the eviction reads the revoked state, so caching its result is safe again.
        assertThat(cache.put("k", "C1", principal("T1", now.plusSeconds(3600)), cache.lookupStarted(), now))
                .isEqualTo(30);
    }

    @Test
    void everyKindOfEvictionChangesTheEvictionCountEvenWithNothingToEvict() {
        long before = cache.evictions();
        cache.put("k", "C1", principal("T1", now.plusSeconds(3600)), cache.lookupStarted(), now);
        assertThat(cache.evictions()).as("a put is not an eviction").isEqualTo(before);
        cache.revokeTicket("T9");
        assertThat(cache.evictions()).isEqualTo(before + 1);
        cache.revokeCredential("T9", "C9");
        assertThat(cache.evictions()).isEqualTo(before + 2);
        cache.clear();
        assertThat(cache.evictions()).isEqualTo(before + 3);
    }

    @Test
    void evictingAllEmptiesTheCacheAndKeepsRunningLookupsOut() {
        cache.put("a", "C1", principal("T1", now.plusSeconds(3600)), cache.lookupStarted(), now);
        cache.put("b", "C2", principal("T2", now.plusSeconds(3600)), cache.lookupStarted(), now);
        long running = cache.lookupStarted();
        advance(Duration.ofMillis(1));
        assertThat(cache.clear()).isEqualTo(2);
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.put("c", "C3", principal("T3", now.plusSeconds(3600)), running, now)).isZero();
        assertThat(cache.get("c")).isEmpty();
        advance(Duration.ofMillis(1));
        assertThat(cache.put("c", "C3", principal("T3", now.plusSeconds(3600)), cache.lookupStarted(), now))
                .isEqualTo(30);
    }

    @Test
    void aTtlAboveThirtySecondsIsRefused() {
        assertThatThrownBy(() -> new VerifiedCredentialCache(Duration.ofSeconds(31), 10, ticker, feedCurrent::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30 seconds");
        VerifiedCredentialCache disabled = new VerifiedCredentialCache(Duration.ZERO, 10, ticker, feedCurrent::get);
        assertThat(disabled.put("k", "C1", principal("T1", now.plusSeconds(60)), disabled.lookupStarted(), now))
                .isZero();
        assertThat(disabled.get("k")).isEmpty();
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private static Principal principal(String ticketId, Instant expiresAt) {
        return new Principal(PrincipalKind.APPLICATION, ticketId, ticketId, "org", null, Set.of(Api.USERS), expiresAt);
    }
}
