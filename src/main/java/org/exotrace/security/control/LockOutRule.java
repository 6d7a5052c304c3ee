package org.exotrace.security.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The lock-out arithmetic, without a database. A run of failed sign-ins (of one user name since its
 * last success or credentials change, or from one address) locks when {@code maxFailures} failures
 * fall within {@code window}; the lock lasts {@code lockPeriod}. A failure within a day after a lock
 * has ended continues the run and locks again at once, each time for twice as long, up to a day.
 * While a lock holds, attempts are refused without checking the password, and do not count.
 *
 * @param maxFailures failures within the window that begin the first lock
 * @param window      how close together those failures must be
 * @param lockPeriod  how long the first lock of a run lasts
 */
public record LockOutRule(int maxFailures, Duration window, Duration lockPeriod) {

    /** The longest a lock lasts, however long the run. */
    public static final Duration LONGEST_LOCK = Duration.ofDays(1);

    /** How long after a lock ends a further failure still continues its run (and doubles the lock). */
    public static final Duration CONTINUATION = Duration.ofDays(1);

    /** A lock of a run: its level (1 for the first) and when it ends. */
    public record Lock(int level, Instant until) {
    }

    public LockOutRule {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("at least one failure before a lock");
        }
        if (window == null || window.isNegative() || window.isZero() || lockPeriod == null || lockPeriod.isNegative() || lockPeriod.isZero()) {
            throw new IllegalArgumentException("the window and the lock period are positive durations");
        }
    }

    /** Whether the run's last lock still holds at {@code now}. */
    public static boolean holds(Optional<Lock> last, Instant now) {
        return last.isPresent() && now.isBefore(last.get().until());
    }

    /**
     * The lock that a failure at {@code now} begins, if any.
     *
     * @param last             the run's last lock, which no longer holds (or none)
     * @param failuresInWindow failures of the run within the window before {@code now}, this one included
     */
    public Optional<Lock> afterFailure(Optional<Lock> last, long failuresInWindow, Instant now) {
        if (last.isPresent() && !now.isAfter(last.get().until().plus(CONTINUATION))) {
            int level = last.get().level() + 1;
            return Optional.of(new Lock(level, now.plus(period(level))));
        }
        if (failuresInWindow >= maxFailures) {
            return Optional.of(new Lock(1, now.plus(period(1))));
        }
        return Optional.empty();
    }

    /** How long a lock of this level lasts: the lock period doubled for each level above the first, at most a day. */
    public Duration period(int level) {
        Duration period = lockPeriod;
        for (int i = 1; i < level && period.compareTo(LONGEST_LOCK) < 0; i++) {
            period = period.multipliedBy(2);
        }
        return period.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : period;
    }

    /** Whole seconds until {@code until}, rounded up and at least one: the value of {@code Retry-After}. */
    public static long retryAfterSeconds(Instant until, Instant now) {
        Duration left = Duration.between(now, until);
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
