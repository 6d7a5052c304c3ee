package org.exotrace.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.platform.error.DomainError;
import org.exotrace.security.entity.AppUser;
import org.exotrace.security.entity.SignInAttempt;
import org.exotrace.security.entity.SignInLock;
import org.exotrace.security.entity.SignInLockLift;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sign-in with lock-out, per user name at an address and per address ({@link LockOutRule}). Every attempt is a row of
 * {@code sign_in_attempt} and every lock a row of {@code sign_in_lock}, both append-only, so that several instances
 * count the same failures. A name's failures lock that name only at the address they came from: anyone elsewhere, the
 * user included, still signs in. The address is the client's ({@link ClientAddresses}: {@code X-Forwarded-For} only
 * from configured proxies). Attempts from one address, and then on one name, are serialised by advisory locks, so that
 * parallel guesses cannot outrun either limit. An unknown name is treated as a known one with a wrong password: same
 * time, same counting, same lock; it is kept only as a keyed hash ({@code ?} and 16 hex digits), since a name that
 * matches nobody is often a password typed into the wrong field. Failed attempts, locks and lifts are audited
 * ({@code AUTH_FAILED}, {@code SIGN_IN_LOCKED}, {@code SIGN_IN_UNLOCKED}); the password never is.
 */
@ApplicationScoped
@Transactional
public class SignIns {

    /** What came of an attempt. */
    public sealed interface Outcome permits Granted, Refused, Locked {
    }

    /** The password was right (it may be a temporary one: {@link AppUser#passwordTemporary()}). */
    public record Granted(AppUser user) implements Outcome {
    }

    /** Unknown name, disabled user or wrong password: the caller cannot tell which. */
    public record Refused() implements Outcome {
    }

    /** Locked until then (the name at this address, the address, or both); the password was not looked at, or this failure began the lock. */
    public record Locked(Instant until) implements Outcome {
    }

    /** First key of the advisory locks that serialise attempts per name (the second is the name's hash). */
    static final int NAME_LOCKS = 0x45585349;
    /** First key of the advisory locks that serialise attempts per address (the second is the address's hash); taken before the name's. */
    public static final int ADDRESS_LOCKS = 0x45585341;
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

    /** Comma-separated IP addresses (Payara's config cannot inject an {@code Optional<List<String>>}). */
    @Inject
    @ConfigProperty(name = "exotrace.sign-in.trusted-proxies")
    Optional<String> trustedProxies;

    private ClientAddresses clients;

    @PostConstruct
    void trustProxies() {
        clients = ClientAddresses.trusting(trustedProxies.stream().flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip).filter(proxy -> !proxy.isEmpty()).toList());
    }

    /** The address a request from {@code peer} is counted by, given its {@code X-Forwarded-For} lines (none, or null). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String clientAddress(String peer, Enumeration<String> forwardedFor) {
        List<String> lines = forwardedFor == null ? List.of() : Collections.list(forwardedFor);
        return clients.client(peer, lines.isEmpty() ? null : String.join(",", lines));
    }

    /** One attempt from {@code clientAddress} ({@link #clientAddress}). */
    public Outcome attempt(String username, String password, String clientAddress) {
        String name = attemptedName(username);
        String address = address(clientAddress);
        serialise(ADDRESS_LOCKS, address);
        serialise(NAME_LOCKS, name);
        String counted = users.find(name).isPresent() ? name : masked(name);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant runStart = runStart(counted, address, now);
        Instant addressStart = later(now.minus(memory()), lastLift(SignInLock.Subject.ADDRESS, address));
        Optional<LockOutRule.Lock> userLock = lastNameLock(counted, address, runStart);
        Optional<LockOutRule.Lock> addressLock = lastAddressLock(address, addressStart);
        Optional<LockOutRule.Lock> holding = Stream.of(userLock, addressLock).filter(lock -> LockOutRule.holds(lock, now))
                .flatMap(Optional::stream).max(Comparator.comparing(LockOutRule.Lock::until));
        if (holding.isPresent()) {
            em.persist(new SignInAttempt(counted, address, now, SignInAttempt.Outcome.LOCKED));
            return new Locked(holding.get().until());
        }
        Optional<AppUser> user = users.authenticate(name, password);
        if (user.isPresent()) {
            em.persist(new SignInAttempt(counted, address, now, SignInAttempt.Outcome.SUCCEEDED));
            return new Granted(user.get());
        }
        long userFailures = nameFailures(counted, address, later(runStart, now.minus(window))) + 1;
        long addressFailures = addressFailures(address, later(addressStart, now.minus(window))) + 1;
        em.persist(new SignInAttempt(counted, address, now, SignInAttempt.Outcome.FAILED));
        audit.record(ANONYMOUS, "AUTH_FAILED", "user", counted, Json.createObjectBuilder().add("address", address).build());
        Optional<LockOutRule.Lock> newUserLock = userRule().afterFailure(userLock, userFailures, now);
        Optional<LockOutRule.Lock> newAddressLock = addressRule().afterFailure(addressLock, addressFailures, now);
        newUserLock.ifPresent(lock -> begin(SignInLock.Subject.USER, counted, address, now, lock));
        newAddressLock.ifPresent(lock -> begin(SignInLock.Subject.ADDRESS, address, address, now, lock));
        return Stream.of(newUserLock, newAddressLock).flatMap(Optional::stream).map(LockOutRule.Lock::until).reduce(SignIns::later)
                .<Outcome>map(Locked::new).orElseGet(Refused::new);
    }

    /**
     * A password entered again to sign (a lot's release): counted, locked and audited as a sign-in is, in a
     * transaction of its own, so that a refusal is recorded although the signing transaction rolls back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome reauthenticate(String username, String password, String clientAddress) {
        return attempt(username, password, clientAddress);
    }

    /**
     * An ADMIN lifts the locks on the user's name (at every address) and on each address that is locked now and
     * refused the name during a lock in the last days: the user can sign in again at once. Answers those addresses.
     */
    public List<String> lift(String username, String actor) {
        AppUser user = users.find(username).orElseThrow(() -> DomainError.notFound("User", username));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        em.persist(new SignInLockLift(SignInLock.Subject.USER, user.username(), now, actor));
        List<String> addresses = em.createQuery("SELECT DISTINCT a.address FROM SignInAttempt a WHERE a.username = :name AND a.outcome = :locked"
                        + " AND a.at > :after ORDER BY a.address", String.class)
                .setParameter("name", user.username()).setParameter("locked", SignInAttempt.Outcome.LOCKED)
                .setParameter("after", now.minus(memory())).getResultList().stream()
                .filter(address -> LockOutRule.holds(lastAddressLock(address, later(now.minus(memory()), lastLift(SignInLock.Subject.ADDRESS, address))), now))
                .toList();
        addresses.forEach(address -> em.persist(new SignInLockLift(SignInLock.Subject.ADDRESS, address, now, actor)));
        JsonArrayBuilder lifted = Json.createArrayBuilder();
        addresses.forEach(lifted::add);
        audit.record(actor, "SIGN_IN_UNLOCKED", "user", user.username(), Json.createObjectBuilder()
                .add("username", user.username()).add("addresses", lifted).build());
        return addresses;
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

    /**
     * An unknown name as it is counted and kept: a keyed hash (HMAC-SHA256 under a key derived from the service's
     * signing key), so that its attempts are still counted together and nobody can read back what was typed.
     */
    static String masked(String name) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(SigningKeys.get().privateKey().getEncoded());
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = hmac.doFinal(("sign-in name\u0000" + name).getBytes(StandardCharsets.UTF_8));
            return "?" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private void serialise(int space, String key) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, hashtext(?2))").setParameter(1, space).setParameter(2, key).getSingleResult();
    }

    /**
     * The run of a name at an address starts after its last success there, the name's last credentials change and the
     * last lift of its locks, at most a lock and its continuation ago.
     */
    private Instant runStart(String name, String address, Instant now) {
        Optional<Instant> success = em.createQuery("SELECT a.at FROM SignInAttempt a WHERE a.username = :name AND a.address = :address"
                        + " AND a.outcome = :succeeded ORDER BY a.at DESC", Instant.class)
                .setParameter("name", name).setParameter("address", address).setParameter("succeeded", SignInAttempt.Outcome.SUCCEEDED)
                .setMaxResults(1).getResultStream().findFirst();
        Optional<Instant> changed = users.credentials(name).map(Users.Credentials::changedAt);
        return Stream.of(success, changed, Optional.of(lastLift(SignInLock.Subject.USER, name))).flatMap(Optional::stream)
                .reduce(now.minus(memory()), SignIns::later);
    }

    /** How far back a run can matter: the longest lock, then the time in which a failure still continues it. */
    private static Duration memory() {
        return LockOutRule.LONGEST_LOCK.plus(LockOutRule.CONTINUATION);
    }

    private Instant lastLift(SignInLock.Subject type, String subject) {
        return em.createQuery("SELECT l.liftedAt FROM SignInLockLift l WHERE l.subjectType = :type AND l.subject = :subject"
                        + " ORDER BY l.liftedAt DESC", Instant.class)
                .setParameter("type", type).setParameter("subject", subject)
                .setMaxResults(1).getResultStream().findFirst().orElse(Instant.EPOCH);
    }

    private Optional<LockOutRule.Lock> lastNameLock(String name, String address, Instant after) {
        return lock(em.createQuery("SELECT l FROM SignInLock l WHERE l.subjectType = :type AND l.subject = :subject AND l.address = :address"
                        + " AND l.lockedAt > :after ORDER BY l.lockedAt DESC", SignInLock.class)
                .setParameter("type", SignInLock.Subject.USER).setParameter("subject", name).setParameter("address", address)
                .setParameter("after", after));
    }

    private Optional<LockOutRule.Lock> lastAddressLock(String address, Instant after) {
        return lock(em.createQuery("SELECT l FROM SignInLock l WHERE l.subjectType = :type AND l.subject = :subject AND l.lockedAt > :after"
                        + " ORDER BY l.lockedAt DESC", SignInLock.class)
                .setParameter("type", SignInLock.Subject.ADDRESS).setParameter("subject", address).setParameter("after", after));
    }

    private static Optional<LockOutRule.Lock> lock(TypedQuery<SignInLock> query) {
        return query.setMaxResults(1).getResultStream().findFirst().map(l -> new LockOutRule.Lock(l.level(), l.until()));
    }

    private long nameFailures(String name, String address, Instant after) {
        return em.createQuery("SELECT COUNT(a) FROM SignInAttempt a WHERE a.username = :name AND a.address = :address AND a.outcome = :failed"
                        + " AND a.at > :after", Long.class)
                .setParameter("name", name).setParameter("address", address).setParameter("failed", SignInAttempt.Outcome.FAILED)
                .setParameter("after", after).getSingleResult();
    }

    private long addressFailures(String address, Instant after) {
        return em.createQuery("SELECT COUNT(a) FROM SignInAttempt a WHERE a.address = :address AND a.outcome = :failed AND a.at > :after",
                        Long.class)
                .setParameter("address", address).setParameter("failed", SignInAttempt.Outcome.FAILED).setParameter("after", after)
                .getSingleResult();
    }

    private void begin(SignInLock.Subject type, String subject, String address, Instant now, LockOutRule.Lock lock) {
        em.persist(new SignInLock(type, subject, address, now, lock.until(), lock.level()));
        audit.record("system", "SIGN_IN_LOCKED", type == SignInLock.Subject.USER ? "user" : "address", subject, Json.createObjectBuilder()
                .add("address", address).add("level", lock.level()).add("until", lock.until().toString()).build());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
