package org.exotrace.webhook.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(1), 6);

    @Test
    void eachFailureDoublesTheWaitUpToTheMaximum() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), schedule.after(1));
        assertEquals(Optional.of(Duration.ofSeconds(20)), schedule.after(2));
        assertEquals(Optional.of(Duration.ofSeconds(40)), schedule.after(3));
        assertEquals(Optional.of(Duration.ofMinutes(1)), schedule.after(4));
        assertEquals(Optional.of(Duration.ofMinutes(1)), schedule.after(5));
    }

    @Test
    void afterTheLastAttemptAllowedThereIsNoOther() {
        assertEquals(Optional.empty(), schedule.after(6));
        assertEquals(Optional.empty(), new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).after(1));
    }

    @Test
    void manyFailuresDoNotOverflowTheWait() {
        assertEquals(Optional.of(Duration.ofHours(1)), new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), 10_000).after(5_000));
    }

    @Test
    void aScheduleWaitsAtLeastOnceAndItsMaximumIsNotBelowItsStart() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
    }
}
