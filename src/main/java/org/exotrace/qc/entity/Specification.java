package org.exotrace.qc.entity;

import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.platform.error.DomainError;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Judges a reading against one assay's specification. Limits are inclusive ({@code max 0.5} passes
 * 0.5); units must be the specification's own, never converted or compared across. A value is judged only when it is
 * stored as the same number ({@link AssaySpec#storable}), and below zero only when the specification has a limit below
 * zero ({@link AssaySpec#allowsNegative}).
 */
public final class Specification {

    private static final Set<QualitativeOutcome> DETECTION = Set.of(QualitativeOutcome.NEGATIVE, QualitativeOutcome.POSITIVE);

    private Specification() {
    }

    /**
     * @throws DomainError when the reading is of the wrong kind, the wrong unit or the wrong scale of outcome, a value
     *                         out of the stored bounds, or negative where the specification has no limit below zero
     */
    public static Judgement judge(AssaySpec spec, Reading reading) {
        return judge(spec, reading, "");
    }

    /** As {@link #judge(AssaySpec, Reading)}, naming the fields after {@code where} ({@link AssayEntry#where}). */
    static Judgement judge(AssaySpec spec, Reading reading, String where) {
        if (reading instanceof Reading.Quantity q) {
            return judgeQuantity(spec, q, where);
        }
        return judgeOutcome(spec, ((Reading.Outcome) reading).outcome(), where);
    }

    /** A reading or entry that cannot be judged as given: names the field. */
    static DomainError unjudgeable(String code, String field, String message) {
        return DomainError.invalid(code, field, message).titled("The result cannot be judged as given");
    }

    private static Judgement judgeQuantity(AssaySpec spec, Reading.Quantity q, String where) {
        if (spec.qualitative()) {
            throw unjudgeable("RESULT_KIND_MISMATCH", where + "value",
                    spec.assay() + " is qualitative (expected " + spec.describe() + "): give an outcome, not a value");
        }
        String unit = spec.unit().orElseThrow();
        if (!unit.equals(q.unit().strip())) {
            throw unjudgeable("UNIT_MISMATCH", where + "unit",
                    spec.assay() + " is specified in '" + unit + "', not '" + q.unit() + "': convert the value and send it in " + unit);
        }
        BigDecimal v = q.value();
        if (!AssaySpec.storable(v)) {
            throw unjudgeable("VALUE_OUT_OF_RANGE", where + "value", "the value has " + AssaySpec.BOUNDS);
        }
        if (v.signum() < 0 && !spec.allowsNegative()) {
            throw unjudgeable("NEGATIVE_VALUE", where + "value", spec.assay() + " (" + spec.describe()
                    + ") has no limit below zero, so a negative value is taken for a typo: enter the measured value");
        }
        boolean aboveMin = spec.min().map(min -> v.compareTo(min) >= 0).orElse(true);
        boolean belowMax = spec.max().map(max -> v.compareTo(max) <= 0).orElse(true);
        return aboveMin && belowMax ? Judgement.PASS : Judgement.FAIL;
    }

    private static Judgement judgeOutcome(AssaySpec spec, QualitativeOutcome outcome, String where) {
        QualitativeOutcome expected = spec.expected().orElseThrow(() -> unjudgeable("RESULT_KIND_MISMATCH", where + "outcome",
                spec.assay() + " is quantitative (" + spec.describe() + "): give a value and unit, not an outcome"));
        if (DETECTION.contains(expected) != DETECTION.contains(outcome)) {
            throw unjudgeable("RESULT_KIND_MISMATCH", where + "outcome", spec.assay() + " is reported as "
                    + (DETECTION.contains(expected) ? "NEGATIVE or POSITIVE" : "CONFORMS or DOES_NOT_CONFORM") + ", not " + outcome);
        }
        return outcome == expected ? Judgement.PASS : Judgement.FAIL;
    }
}
