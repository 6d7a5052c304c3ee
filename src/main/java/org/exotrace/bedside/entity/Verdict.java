package org.exotrace.bedside.entity;

import java.util.List;

/** The bedside answer: every reason the vial is blocked (none: OK) and every warning. */
public record Verdict(List<Block> reasons, List<Caution> warnings) {

    public Verdict {
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }

    public static Verdict blocked(Block reason) {
        return new Verdict(List.of(reason), List.of());
    }

    public boolean ok() {
        return reasons.isEmpty();
    }
}
