package org.exotrace.security.control;

import org.exotrace.platform.error.DomainError;

/**
 * Someone must always be able to administer the accounts: a change that would leave no active ADMIN
 * (disabling the last one, or taking ADMIN from them) is refused with 409 {@code LAST_ADMIN}.
 */
final class LastAdmin {

    private LastAdmin() {
    }

    /**
     * Whether the change removes the last active ADMIN.
     *
     * @param adminBefore  the user is an active ADMIN now
     * @param adminAfter   the user would be an active ADMIN after the change
     * @param activeAdmins active ADMINs now, the user included
     */
    static boolean removesTheLast(boolean adminBefore, boolean adminAfter, long activeAdmins) {
        return adminBefore && !adminAfter && activeAdmins <= 1;
    }

    static void refuseRemovingTheLast(boolean adminBefore, boolean adminAfter, long activeAdmins, String username) {
        if (removesTheLast(adminBefore, adminAfter, activeAdmins)) {
            throw DomainError.conflict("LAST_ADMIN",
                    "'" + username + "' is the last active ADMIN: make another user ADMIN first");
        }
    }
}
