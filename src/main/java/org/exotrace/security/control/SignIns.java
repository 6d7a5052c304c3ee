package org.exotrace.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.security.entity.AppUser;
import org.exotrace.security.entity.SignInAttempt;
import org.exotrace.security.entity.SignInLock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sign-in with lock-out, per user name and per address ({@link LockOutRule}). Every attempt is a row of
 * {@code sign_in_attempt} and every lock a row of {@code sign_in_lock}, both append-only, so that
 * several instances count the same failures. Attempts on one name are serialised by an advisory lock,
 * so parallel guesses at one account cannot outrun its limit. An unknown name is treated as a known
 * one with a wrong password: same time, same counting, same lock. Failed attempts and locks are audited
 * ({@code AUTH_FAILED}, {@code SIGN_IN_LOCKED}); the password never is.
 */
@ApplicationScoped
@Transactional
public class SignIns {

    /** What came of an attempt. */
    public sealed interface Outcome permits Granted, Refused, Locked {
    }

    /** The password was right: issue a token. */
    public record Granted(AppUser user) implements Outcome {
    }

    /** Unknown name, disabled user or wrong password: the caller cannot tell which. */
    public record Refused() implements Outcome {
    }

    /** Locked until then (the name, the address, or both); the password was not looked at, or this failure began the lock. */
    public record Locked(Instant until) implements Outcome {
    }

    /** First key of the advisory locks that serialise attempts per name (the second is the name's hash). */
    static final int NAME_LOCKS = 0x45585349;
    /** The actor of a failed attempt: nobody has proved who they are. */
    static final String ANONYMOUS = "anonymous";

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "exotrace.sign-in.max-failures-per-user")
    int maxFailuresPerUser;

    @Inject
    @ConfigProperty(name = "exotrace.sign-in.max-failures-per-address")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "exotrace.sign-in.failure-window")
    Duration window;

    @Inject
    @ConfigProperty(name = "exotrace.sign-in.lock-period")
    Duration lockPeriod;

    public Outcome attempt(String username, String password, String remoteAddress) {
        String name = attemptedName(username);
        String address = address(remoteAddress);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, hashtext(?2))").setParameter(1, NAME_LOCKS).setParameter(2, name)
                .getSingleResult();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant runStart = runStart(name, now);
        Optional<LockOutRule.Lock> userLock = lastLock(SignInLock.Subject.USER, name, runStart);
        Optional<LockOutRule.Lock> addressLock = lastLock(SignInLock.Subject.ADDRESS, address, now.minus(memory()));
        Optional<LockOutRule.Lock> holding = Stream.of(userLock, addressLock).filter(lock -> LockOutRule.holds(lock, now))
                .flatMap(Optional::stream).max(Comparator.comparing(LockOutRule.Lock::until));
        if (holding.isPresent()) {
            em.persist(new SignInAttempt(name, address, now, SignInAttempt.Outcome.LOCKED));
            return new Locked(holding.get().until());
        }
        Optional<AppUser> user = users.authenticate(name, password);
        if (user.isPresent()) {
            em.persist(new SignInAttempt(name, address, now, SignInAttempt.Outcome.SUCCEEDED));
            return new Granted(user.get());
        }
        long userFailures = failures("username", name, later(runStart, now.minus(window))) + 1;
        long addressFailures = failures("address", address, now.minus(window)) + 1;
        em.persist(new SignInAttempt(name, address, now, SignInAttempt.Outcome.FAILED));
        audit.record(ANONYMOUS, "AUTH_FAILED", "user", name, Json.createObjectBuilder().add("address", address).build());
        Optional<LockOutRule.Lock> newUserLock = userRule().afterFailure(userLock, userFailures, now);
        Optional<LockOutRule.Lock> newAddressLock = addressRule().afterFailure(addressLock, addressFailures, now);
        newUserLock.ifPresent(lock -> begin(SignInLock.Subject.USER, name, address, now, lock));
        newAddressLock.ifPresent(lock -> begin(SignInLock.Subject.ADDRESS, address, address, now, lock));
        return Stream.of(newUserLock, newAddressLock).flatMap(Optional::stream).map(LockOutRule.Lock::until).reduce(SignIns::later)
                .<Outcome>map(Locked::new).orElseGet(Refused::new);
    }

    /**
     * A password entered again to sign (a lot's release): counted, locked and audited as a sign-in is, in a
     * transaction of its own, so that a refusal is recorded although the signing transaction rolls back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome reauthenticate(String username, String password, String remoteAddress) {
        return attempt(username, password, remoteAddress);
    }

    LockOutRule userRule() {
        return new LockOutRule(maxFailuresPerUser, window, lockPeriod);
    }

    LockOutRule addressRule() {
        return new LockOutRule(maxFailuresPerAddress, window, lockPeriod);
    }

    /** The name as counted and audited: lower case, and without the NUL that PostgreSQL text cannot hold. */
    static String attemptedName(String username) {
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT).replace('\u0000', '\uFFFD');
        name = name.length() > 64 ? name.substring(0, 64) : name;
        return name.isEmpty() ? "\uFFFD" : name;
    }

    static String address(String remoteAddress) {
        String address = remoteAddress == null || remoteAddress.isBlank() ? "unknown" : remoteAddress.strip();
        return address.length() > 64 ? address.substring(0, 64) : address;
    }

    /** The run of a name starts after its last success and its last credentials change, at most a lock and its continuation ago. */
    private Instant runStart(String name, Instant now) {
        Instant start = now.minus(memory());
        Optional<Instant> success = em.createQuery("SELECT a.at FROM SignInAttempt a WHERE a.username = :name AND a.outcome = :succeeded"
                        + " ORDER BY a.at DESC", Instant.class)
                .setParameter("name", name).setParameter("succeeded", SignInAttempt.Outcome.SUCCEEDED)
                .setMaxResults(1).getResultStream().findFirst();
        Optional<Instant> changed = users.credentials(name).map(Users.Credentials::changedAt);
        return Stream.of(success, changed).flatMap(Optional::stream).reduce(start, SignIns::later);
    }

    /** How far back a run can matter: the longest lock, then the time in which a failure still continues it. */
    private static Duration memory() {
        return LockOutRule.LONGEST_LOCK.plus(LockOutRule.CONTINUATION);
    }

    private Optional<LockOutRule.Lock> lastLock(SignInLock.Subject type, String subject, Instant after) {
        return em.createQuery("SELECT l FROM SignInLock l WHERE l.subjectType = :type AND l.subject = :subject AND l.lockedAt > :after"
                        + " ORDER BY l.lockedAt DESC", SignInLock.class)
                .setParameter("type", type).setParameter("subject", subject).setParameter("after", after)
                .setMaxResults(1).getResultStream().findFirst()
                .map(l -> new LockOutRule.Lock(l.level(), l.until()));
    }

    private long failures(String attribute, String value, Instant after) {
        return em.createQuery("SELECT COUNT(a) FROM SignInAttempt a WHERE a." + attribute + " = :value AND a.outcome = :failed AND a.at > :after",
                        Long.class)
                .setParameter("value", value).setParameter("failed", SignInAttempt.Outcome.FAILED).setParameter("after", after)
                .getSingleResult();
    }

    private void begin(SignInLock.Subject type, String subject, String address, Instant now, LockOutRule.Lock lock) {
        em.persist(new SignInLock(type, subject, now, lock.until(), lock.level()));
        audit.record("system", "SIGN_IN_LOCKED", type == SignInLock.Subject.USER ? "user" : "address", subject, Json.createObjectBuilder()
                .add("address", address).add("level", lock.level()).add("until", lock.until().toString()).build());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
