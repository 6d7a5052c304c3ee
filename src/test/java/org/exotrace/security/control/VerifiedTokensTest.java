package org.exotrace.security.control;

import jakarta.security.enterprise.CallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    final VerifiedTokens tokens = new VerifiedTokens(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRememberedTokenIsRecalledWithItsPrincipalAndGroupsByItsExactText() {
        var nurse = token("header.payload.signature", "nurse", NOW.plusSeconds(60), "NURSE");
        tokens.remember(nurse);
        var caller = tokens.recall("header.payload.signature").orElseThrow();
        assertSame(nurse, caller.principal());
        assertEquals(Set.of("NURSE"), caller.groups());
    }

    @Test
    void aTokenDifferingByOneCharacterIsNotRecalled() {
        tokens.remember(token("header.payload.signature", "nurse", NOW.plusSeconds(60), "NURSE"));
        assertTrue(tokens.recall("header.payload.signaturf").isEmpty());
        assertTrue(tokens.recall("header.payload.signature ").isEmpty());
    }

    @Test
    void aTokenIsNotRecalledFromTheSecondItExpires() {
        var expiring = new VerifiedTokens(Clock.offset(Clock.fixed(NOW, ZoneOffset.UTC), java.time.Duration.ofSeconds(60)));
        expiring.remember(token("t", "nurse", NOW.plusSeconds(60), "NURSE"));
        assertTrue(expiring.recall("t").isEmpty());
        assertEquals(0, expiring.size(), "the expired entry is dropped");
    }

    @Test
    void aTokenWithoutExpiryOrTextIsNeverRemembered() {
        tokens.remember(token("t", "nurse", Instant.EPOCH, "NURSE"));
        tokens.remember(token(null, "nurse", NOW.plusSeconds(60), "NURSE"));
        assertEquals(0, tokens.size());
    }

    @Test
    void atCapacityExpiredTokensGoFirstAndTheCacheNeverGrowsPastIt() {
        var later = Clock.offset(Clock.fixed(NOW, ZoneOffset.UTC), java.time.Duration.ofSeconds(30));
        var bounded = new VerifiedTokens(later);
        bounded.remember(token("soon-expired", "qa", NOW.plusSeconds(10), "QA"));
        for (int i = 1; i < VerifiedTokens.CAPACITY; i++) {
            bounded.remember(token("t" + i, "nurse" + i, NOW.plusSeconds(3600), "NURSE"));
        }
        bounded.remember(token("newest", "admin", NOW.plusSeconds(3600), "ADMIN"));
        assertEquals(VerifiedTokens.CAPACITY, bounded.size());
        assertTrue(bounded.recall("soon-expired").isEmpty());
        assertTrue(bounded.recall("newest").isPresent());
        bounded.remember(token("one-too-many", "admin", NOW.plusSeconds(3600), "ADMIN"));
        assertTrue(bounded.size() <= VerifiedTokens.CAPACITY);
        assertTrue(bounded.recall("one-too-many").isPresent());
    }

    static JsonWebToken token(String raw, String name, Instant expires, String... groups) {
        return new FakeJwt(name, raw, expires.getEpochSecond(), Set.of(groups));
    }

    /** A principal as MicroProfile JWT hands one over: a CallerPrincipal that is a JsonWebToken. */
    static final class FakeJwt extends CallerPrincipal implements JsonWebToken {
        private final Map<String, Object> claims;

        FakeJwt(String name, String raw, long exp, Set<String> groups) {
            super(name);
            this.claims = raw == null ? Map.of("exp", exp, "groups", groups) : Map.of("raw_token", raw, "exp", exp, "groups", groups);
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
