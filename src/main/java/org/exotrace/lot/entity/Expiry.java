package org.exotrace.lot.entity;

import java.time.LocalDate;

/**
 * When a lot's vials expire: they may be given on the lot's expiry date, not after. The one place this is decided in
 * Java (the bedside, the stock summary; the scan's SQL function {@code scan_facts} says the same in V14).
 */
public final class Expiry {

    private Expiry() {
    }

    /** Past the expiry date: a vial of the lot may no longer be given. */
    public static boolean passed(LocalDate expiresOn, LocalDate today) {
        return today.isAfter(expiresOn);
    }

    /** Not yet expired, and expires within {@code soonDays} days (on the last day included). */
    public static boolean soon(LocalDate expiresOn, LocalDate today, int soonDays) {
        return !passed(expiresOn, today) && !today.plusDays(soonDays).isBefore(expiresOn);
    }
}
