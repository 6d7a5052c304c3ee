package org.exotrace.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.CallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens that MicroProfile JWT has verified in this process, kept until they expire, so that the next request with
 * the same token is not verified again: decoding and checking the RS256 signature was about a third of a scan's CPU
 * (JFR, bench/run). A token is remembered only after a request carrying it was authenticated and passed
 * {@link RevokedTokens}; it is recalled only by its exact text and only before its own {@code exp}. Revocation is
 * unaffected: {@link RevokedTokens} still runs on every request, cached or not. The cache lives in memory, so a restart
 * (the only time the signing key changes) empties it. See docs/adr/0018-verified-tokens-remembered-until-they-expire.md.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Far more than a clinic's signed-in staff; past it, expired entries go first, then everything. */
    static final int CAPACITY = 10_000;

    private record Verified(JsonWebToken principal, Set<String> groups, long expiresAtSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedTokens() {
        this(Clock.systemUTC());
    }

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The principal and groups of {@code token} if this process verified exactly this text and it has not expired. */
    public Optional<Caller> recall(String token) {
        Verified known = verified.get(token);
        if (known == null) {
            return Optional.empty();
        }
        if (clock.instant().getEpochSecond() >= known.expiresAtSecond()) {
            verified.remove(token, known);
            return Optional.empty();
        }
        return Optional.of(new Caller(known.principal(), known.groups()));
    }

    /** Remembers a token that MicroProfile JWT verified for a request that has just passed {@link RevokedTokens}. */
    public void remember(JsonWebToken principal) {
        String token = principal.getRawToken();
        long expires = principal.getExpirationTime();
        if (token == null || expires <= 0 || verified.containsKey(token)) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            long now = clock.instant().getEpochSecond();
            verified.values().removeIf(v -> now >= v.expiresAtSecond());
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        Set<String> groups = principal.getGroups() == null ? Set.of() : Set.copyOf(principal.getGroups());
        verified.put(token, new Verified(principal, groups, expires));
    }

    int size() {
        return verified.size();
    }

    /** What the identity store answers for a remembered token: the same principal MicroProfile JWT made, and its groups. */
    public record Caller(JsonWebToken principal, Set<String> groups) {

        /** MicroProfile JWT's principal is a {@link CallerPrincipal}; anything else is never remembered by the store. */
        public Optional<CallerPrincipal> callerPrincipal() {
            return principal instanceof CallerPrincipal p ? Optional.of(p) : Optional.empty();
        }
    }
}
