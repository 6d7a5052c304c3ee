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
        return new AppUser("nurse-a", "hash", Set.of(Role.NURSE), "admin", CREATED);
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
        user.resetPassword("other-hash", LATER);
        assertEquals("other-hash", user.passwordHash());
        assertEquals(Instant.parse("2026-11-25T10:00:00.123456Z"), user.credentialsChangedAt());
        user.changeRoles(Set.of(Role.QA, Role.ADMIN), LATER.plusSeconds(1));
        assertEquals(Set.of(Role.QA, Role.ADMIN), user.roles());
        assertEquals(Instant.parse("2026-11-25T10:00:01.123456Z"), user.credentialsChangedAt());
    }

    @Test
    void aUserKeepsAtLeastOneRole() {
        assertThrows(IllegalArgumentException.class, () -> nurse().changeRoles(Set.of(), LATER));
    }

    @Test
    void onlyAnActiveUserWithAdminIsAnActiveAdmin() {
        AppUser admin = new AppUser("boss", "hash", Set.of(Role.ADMIN, Role.QA), "system", CREATED);
        assertTrue(admin.isActiveAdmin());
        admin.disable(LATER);
        assertFalse(admin.isActiveAdmin());
        assertFalse(nurse().isActiveAdmin());
    }
}
