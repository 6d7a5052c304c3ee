package org.exotrace.catalog.entity;

/** How a dose is given (投与方法). Nasal and eye drops are dispensed for home use. */
public enum Route {
    IV_DRIP(false), INJECTION(false), NASAL(true), EYE_DROP(true);

    private final boolean homeUse;

    Route(boolean homeUse) {
        this.homeUse = homeUse;
    }

    public boolean homeUse() {
        return homeUse;
    }
}
