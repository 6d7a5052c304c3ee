package org.exotrace.bedside.control;

import org.exotrace.bedside.entity.Verdict;

/** Fired when a scan's verdict is answered (a scan records nothing, so there is no commit to wait for). */
public record ScanAnswered(Verdict verdict) {
}
