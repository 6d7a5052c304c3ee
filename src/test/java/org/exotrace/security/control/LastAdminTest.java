package org.exotrace.security.control;

import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LastAdminTest {

    @Test
    void theOnlyActiveAdminCannotStopBeingOne() {
        assertTrue(LastAdmin.removesTheLast(true, false, 1));
    }

    @Test
    void oneOfTwoActiveAdminsMayStopBeingOne() {
        assertFalse(LastAdmin.removesTheLast(true, false, 2));
    }

    @Test
    void theOnlyActiveAdminMayKeepAdminWhileOtherRolesChange() {
        assertFalse(LastAdmin.removesTheLast(true, true, 1));
    }

    @Test
    void changesToUsersWhoAreNoActiveAdminNeverTouchTheRule() {
        assertFalse(LastAdmin.removesTheLast(false, false, 1));
        assertFalse(LastAdmin.removesTheLast(false, false, 0));
    }

    @Test
    void theRefusalIsAConflictNamedLastAdmin() {
        DomainError refused = assertThrows(DomainError.class, () -> LastAdmin.refuseRemovingTheLast(true, false, 1, "admin"));
        assertEquals(DomainError.Kind.CONFLICT, refused.kind());
        assertEquals("LAST_ADMIN", refused.code());
        assertDoesNotThrow(() -> LastAdmin.refuseRemovingTheLast(true, false, 2, "admin"));
    }
}
