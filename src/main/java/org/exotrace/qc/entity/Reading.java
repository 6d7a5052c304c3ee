package org.exotrace.qc.entity;

import org.exotrace.catalog.entity.QualitativeOutcome;

import java.math.BigDecimal;
import java.util.Objects;

/** What an assay showed: a measured quantity with its unit, or a qualitative outcome. */
public sealed interface Reading {

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
