package org.exotrace.qc.control;

import org.exotrace.lot.entity.LotStatus;

/** Fired when QA moves a lot to another status; observers that count it wait for the commit. */
public record LotDecided(LotStatus from, LotStatus to) {
}
