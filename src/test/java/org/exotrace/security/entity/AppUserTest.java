package org.exotrace.security.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppUserTest {

    static final Instant CREATED = Instant.parse("2026-11-25T09:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-25T10:00:00.123456789Z");

    private static AppUser nurse() {
        return new AppUser("nurse-a", "hash", true, Set.of(Role.NURSE), "admin", CREATED);
    }

    @Test
    void aNewUserIsActiveWithCredentialsFromItsCreation() {
        AppUser user = nurse();
        assertTrue(user.active());
        assertEquals(CREATED, user.credentialsChangedAt());
    }

    @Test
    void disablingMovesTheCredentialsInstantToTheMicrosecondPostgresKeeps() {
        AppUser user = nurse();
        user.disable(LATER);
        assertFalse(user.active());
        assertEquals(Instant.parse("2026-11-25T10:00:00.123456Z"), user.credentialsChangedAt());
    }

    @Test
    void enablingLeavesTheCredentialsInstantSoOldTokensStayRefused() {
        AppUser user = nurse();
        user.disable(LATER);
        Instant changed = user.credentialsChangedAt();
        user.enable();
        assertTrue(user.active());
        assertEquals(changed, user.credentialsChangedAt());
    }

    @Test
    void aDisabledUserCannotBeDisabledAgainNorAnActiveOneEnabled() {
        AppUser user = nurse();
        assertThrows(IllegalStateException.class, user::enable);
        user.disable(LATER);
        assertThrows(IllegalStateException.class, () -> user.disable(LATER));
    }

    @Test
    void aPasswordResetOrRoleChangeMovesTheCredentialsInstant() {
        AppUser user = nurse();
        user.resetPassword("other-hash", "admin", LATER);
        assertEquals("other-hash", user.passwordHash());
        assertEquals(Instant.parse("2026-11-25T10:00:00.123456Z"), user.credentialsChangedAt());
        user.changeRoles(Set.of(Role.QA, Role.INVENTORY), LATER.plusSeconds(1));
        assertEquals(Set.of(Role.QA, Role.INVENTORY), user.roles());
        assertEquals(Instant.parse("2026-11-25T10:00:01.123456Z"), user.credentialsChangedAt());
    }

    @Test
    void aUserKeepsAtLeastOneRole() {
        assertThrows(IllegalArgumentException.class, () -> nurse().changeRoles(Set.of(), LATER));
    }

    @Test
    void onlyAnActiveUserWithAdminIsAnActiveAdmin() {
        AppUser admin = new AppUser("boss", "hash", false, Set.of(Role.ADMIN, Role.INVENTORY), "system", CREATED);
        assertTrue(admin.isActiveAdmin());
        admin.disable(LATER);
        assertFalse(admin.isActiveAdmin());
        assertFalse(nurse().isActiveAdmin());
    }

    @Test
    void aPasswordAnAdminSetsIsTemporaryUntilTheUserChoosesTheirOwn() {
        AppUser user = nurse();
        assertTrue(user.passwordTemporary());
        user.changeOwnPassword("own-hash", LATER);
        assertFalse(user.passwordTemporary());
        assertTrue(user.passwordResetAt().isEmpty(), "a creation is no reset");
        user.resetPassword("reset-hash", "admin2", LATER.plusSeconds(60));
        assertTrue(user.passwordTemporary());
        assertEquals(Instant.parse("2026-11-25T10:01:00.123456Z"), user.passwordResetAt().orElseThrow());
        assertEquals("admin2", user.passwordResetBy().orElseThrow());
        user.changeOwnPassword("own-again", LATER.plusSeconds(120));
        assertEquals(Instant.parse("2026-11-25T10:01:00.123456Z"), user.passwordResetAt().orElseThrow(), "the reset is remembered");
    }

    @Test
    void anAccountNeverHoldsAdminAndQaTogether() {
        assertThrows(IllegalArgumentException.class, () -> new AppUser("both", "hash", true, Set.of(Role.ADMIN, Role.QA), "admin", CREATED));
        AppUser user = nurse();
        assertThrows(IllegalArgumentException.class, () -> user.changeRoles(Set.of(Role.QA, Role.ADMIN), LATER));
        assertEquals(Set.of(Role.NURSE), user.roles());
    }

    @Test
    void signingOutMovesTheCredentialsInstant() {
        AppUser user = nurse();
        user.signOut(LATER);
        assertEquals(Instant.parse("2026-11-25T10:00:00.123456Z"), user.credentialsChangedAt());
    }
}
