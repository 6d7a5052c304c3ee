package org.exotrace.security.control;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevokedTokensTest {

    static final Instant CHANGED = Instant.parse("2026-11-25T09:00:00.250123Z");
    static final long STAMP = TokenIssuer.epochMicros(CHANGED);

    private static Optional<Users.Credentials> active() {
        return Optional.of(new Users.Credentials(true, CHANGED));
    }

    @Test
    void aTokenIssuedUnderTheCurrentCredentialsOfAnActiveUserIsHonoured() {
        assertTrue(RevokedTokens.honoured(active(), OptionalLong.of(STAMP), CHANGED.getEpochSecond()));
    }

    @Test
    void aTokenOfADisabledUserIsRefused() {
        assertFalse(RevokedTokens.honoured(Optional.of(new Users.Credentials(false, CHANGED)), OptionalLong.of(STAMP), CHANGED.getEpochSecond()));
    }

    @Test
    void aTokenOfAUserWhoNoLongerExistsIsRefused() {
        assertFalse(RevokedTokens.honoured(Optional.empty(), OptionalLong.of(STAMP), CHANGED.getEpochSecond()));
    }

    @Test
    void aTokenIssuedBeforeTheCredentialsChangedIsRefusedEvenWithinTheSameSecond() {
        assertFalse(RevokedTokens.honoured(active(), OptionalLong.of(STAMP - 1), CHANGED.getEpochSecond()));
    }

    @Test
    void aTokenWithoutTheClaimIsJudgedByItsIssueTimeToTheSecond() {
        assertTrue(RevokedTokens.honoured(active(), OptionalLong.empty(), CHANGED.getEpochSecond()));
        assertTrue(RevokedTokens.honoured(active(), OptionalLong.empty(), CHANGED.getEpochSecond() + 60));
        assertFalse(RevokedTokens.honoured(active(), OptionalLong.empty(), CHANGED.getEpochSecond() - 1));
    }

    @Test
    void theClaimIsReadInEveryFormAJwtLibraryHandsItIn() {
        assertEquals(OptionalLong.of(STAMP), RevokedTokens.stamp(STAMP));
        assertEquals(OptionalLong.of(STAMP), RevokedTokens.stamp(Json.createValue(STAMP)));
        assertEquals(OptionalLong.of(STAMP), RevokedTokens.stamp(Json.createValue(Long.toString(STAMP))));
        assertEquals(OptionalLong.empty(), RevokedTokens.stamp(null));
        assertEquals(OptionalLong.of(Long.MIN_VALUE), RevokedTokens.stamp("not a number"));
    }

    @Test
    void aTokenWhoseNotBeforeIsStillAheadIsNotValidYet() {
        long now = CHANGED.getEpochSecond();
        assertTrue(RevokedTokens.notYetValid(OptionalLong.of(now + 3600), now, 0));
        assertTrue(RevokedTokens.notYetValid(OptionalLong.of(now + 1), now, 0));
        assertFalse(RevokedTokens.notYetValid(OptionalLong.of(now + 1), now, 5), "within the allowed skew");
        assertFalse(RevokedTokens.notYetValid(OptionalLong.of(now), now, 0));
        assertFalse(RevokedTokens.notYetValid(OptionalLong.empty(), now, 0), "no nbf: valid from its iat");
    }
}
