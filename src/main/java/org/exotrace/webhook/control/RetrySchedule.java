package org.exotrace.webhook.control;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after attempt n (1, 2, ...) wait {@code initial × 2^(n-1)}, at most
 * {@code max}; after {@code maxAttempts} attempts, never (the delivery has FAILED).
 */
public record RetrySchedule(Duration initial, Duration max, int maxAttempts) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry schedule: initial > 0, max >= initial, maxAttempts >= 1");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt, or empty when that was the last one allowed. */
    public Optional<Duration> after(int attempts) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }
}
