package org.exotrace.lot.entity;

import java.util.Set;

/** Where a lot stands with QA. Only a released lot's vials may reach a patient. */
public enum LotStatus {
    QUARANTINED, RELEASED, REJECTED, RECALLED;

    public boolean canBecome(LotStatus next) {
        return switch (this) {
            case QUARANTINED -> Set.of(RELEASED, REJECTED).contains(next);
            case RELEASED -> next == RECALLED;
            case REJECTED, RECALLED -> false;
        };
    }
}
