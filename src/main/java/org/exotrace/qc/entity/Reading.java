package org.exotrace.qc.entity;

import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.platform.error.DomainError;

import java.math.BigDecimal;
import java.util.Objects;

/** What an assay showed: a measured quantity with its unit, or a qualitative outcome. */
public sealed interface Reading {

    /**
     * A reading as a request or a certificate row gives it: a value with its unit, or an outcome without one.
     *
     * @throws DomainError INVALID naming {@code value} (neither or both given) or {@code unit} (missing, or given with an outcome)
     */
    static Reading of(BigDecimal value, String unit, QualitativeOutcome outcome) {
        if ((value == null) == (outcome == null)) {
            throw DomainError.invalid("value", "give either value with unit (quantitative) or outcome (qualitative)");
        }
        if (value != null) {
            if (unit == null) {
                throw DomainError.invalid("unit", "a value needs its unit");
            }
            return new Quantity(value, unit);
        }
        if (unit != null) {
            throw DomainError.invalid("unit", "a qualitative outcome has no unit");
        }
        return new Outcome(outcome);
    }

    record Quantity(BigDecimal value, String unit) implements Reading {
        public Quantity {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(unit, "unit");
        }
    }

    record Outcome(QualitativeOutcome outcome) implements Reading {
        public Outcome {
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
