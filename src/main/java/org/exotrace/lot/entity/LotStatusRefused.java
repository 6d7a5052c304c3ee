package org.exotrace.lot.entity;

/** A status change the QA state machine does not allow from where the lot stands. */
public class LotStatusRefused extends RuntimeException {

    private final LotStatus current;
    private final LotStatus wanted;

    public LotStatusRefused(String lotNumber, LotStatus current, LotStatus wanted) {
        super("lot " + lotNumber + " is " + current + " and cannot become " + wanted
                + " (allowed: QUARANTINED → RELEASED | REJECTED, RELEASED → RECALLED)");
        this.current = current;
        this.wanted = wanted;
    }

    public LotStatus current() {
        return current;
    }

    public LotStatus wanted() {
        return wanted;
    }
}
