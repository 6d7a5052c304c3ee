package org.exotrace.lot.entity;

import java.time.LocalDate;

/**
 * When a lot's vials expire: they may be given on the lot's expiry date, not after; a lot is received and released only
 * before that date. The one place this is decided in Java (receiving, release, the bedside, the stock summary; the
 * scan's SQL function {@code scan_facts} says the same in V14).
 */
public final class Expiry {

    private Expiry() {
    }

    /** Past the expiry date: a vial of the lot may no longer be given. */
    public static boolean passed(LocalDate expiresOn, LocalDate today) {
        return today.isAfter(expiresOn);
    }

    /** The expiry date has come: too late to receive or release the lot (a vial of it may still be given today). */
    public static boolean lastDayReached(LocalDate expiresOn, LocalDate today) {
        return !expiresOn.isAfter(today);
    }

    /** Not yet expired, and expires within {@code soonDays} days (on the last day included). */
    public static boolean soon(LocalDate expiresOn, LocalDate today, int soonDays) {
        return !passed(expiresOn, today) && !today.plusDays(soonDays).isBefore(expiresOn);
    }
}
