package org.exotrace.security.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockOutRuleTest {

    static final Instant T = Instant.parse("2026-11-25T09:00:00Z");
    final LockOutRule rule = new LockOutRule(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Test
    void fewerFailuresThanTheLimitWithinTheWindowLockNothing() {
        assertTrue(rule.afterFailure(Optional.empty(), 4, T).isEmpty());
    }

    @Test
    void theLimitReachedWithinTheWindowLocksForTheLockPeriod() {
        assertEquals(Optional.of(new LockOutRule.Lock(1, T.plus(Duration.ofMinutes(15)))), rule.afterFailure(Optional.empty(), 5, T));
    }

    @Test
    void aFailureAfterALockEndedLocksAgainAtOnceForTwiceAsLong() {
        var first = new LockOutRule.Lock(1, T);
        var second = rule.afterFailure(Optional.of(first), 1, T.plusSeconds(1)).orElseThrow();
        assertEquals(2, second.level());
        assertEquals(T.plusSeconds(1).plus(Duration.ofMinutes(30)), second.until());
        var third = rule.afterFailure(Optional.of(second), 1, second.until().plusSeconds(60)).orElseThrow();
        assertEquals(3, third.level());
        assertEquals(Duration.ofMinutes(60), Duration.between(second.until().plusSeconds(60), third.until()));
    }

    @Test
    void theLockDoublesWithEachLevelUpToADay() {
        assertEquals(Duration.ofMinutes(15), rule.period(1));
        assertEquals(Duration.ofMinutes(30), rule.period(2));
        assertEquals(Duration.ofMinutes(60), rule.period(3));
        assertEquals(Duration.ofMinutes(15 * 64), rule.period(7));
        assertEquals(Duration.ofDays(1), rule.period(8));
        assertEquals(Duration.ofDays(1), rule.period(1_000));
    }

    @Test
    void aLockPeriodLongerThanADayIsCutToADay() {
        var generous = new LockOutRule(5, Duration.ofMinutes(15), Duration.ofDays(3));
        assertEquals(T.plus(Duration.ofDays(1)), generous.afterFailure(Optional.empty(), 5, T).orElseThrow().until());
    }

    @Test
    void aFailureMoreThanADayAfterTheLastLockEndedStartsAfresh() {
        var old = new LockOutRule.Lock(4, T);
        assertTrue(rule.afterFailure(Optional.of(old), 1, T.plus(Duration.ofDays(1)).plusSeconds(1)).isEmpty());
        assertEquals(1, rule.afterFailure(Optional.of(old), 5, T.plus(Duration.ofDays(2))).orElseThrow().level());
        assertEquals(5, rule.afterFailure(Optional.of(old), 1, T.plus(Duration.ofDays(1))).orElseThrow().level());
    }

    @Test
    void aLockHoldsUntilItsEndAndNotAtIt() {
        var lock = Optional.of(new LockOutRule.Lock(1, T));
        assertTrue(LockOutRule.holds(lock, T.minusNanos(1)));
        assertFalse(LockOutRule.holds(lock, T));
        assertFalse(LockOutRule.holds(Optional.empty(), T));
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertEquals(900, LockOutRule.retryAfterSeconds(T.plusSeconds(900), T));
        assertEquals(901, LockOutRule.retryAfterSeconds(T.plusSeconds(900).plusMillis(1), T));
        assertEquals(1, LockOutRule.retryAfterSeconds(T.plusMillis(1), T));
        assertEquals(1, LockOutRule.retryAfterSeconds(T, T));
    }

    @Test
    void aRuleNeedsAPositiveLimitWindowAndPeriod() {
        assertThrows(IllegalArgumentException.class, () -> new LockOutRule(0, Duration.ofMinutes(15), Duration.ofMinutes(15)));
        assertThrows(IllegalArgumentException.class, () -> new LockOutRule(5, Duration.ZERO, Duration.ofMinutes(15)));
        assertThrows(IllegalArgumentException.class, () -> new LockOutRule(5, Duration.ofMinutes(15), Duration.ofMinutes(-1)));
    }
}
