package org.exotrace.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a product's lots must show for one assay: a qualitative outcome ({@code STERILITY} is
 * {@code NEGATIVE}) or a range with a unit ({@code ENDOTOXIN} at most 0.5 EU/mL).
 */
@Embeddable
public class AssaySpec {

    public static final Pattern ASSAY = Pattern.compile("[A-Z0-9_]{2,40}");
    /** A limit or a reading has at most this many digits after the decimal point (SQL {@code CHECK}, V17). */
    public static final int MAX_FRACTION_DIGITS = 12;
    /** ... and at most this many before it: below 10^18 in magnitude. */
    public static final int MAX_INTEGER_DIGITS = 18;

    @Column(name = "assay", nullable = false)
    private String assay;

    @Enumerated(EnumType.STRING)
    @Column(name = "expected")
    private QualitativeOutcome expected;

    @Column(name = "min_value")
    private BigDecimal min;

    @Column(name = "max_value")
    private BigDecimal max;

    @Column(name = "unit")
    private String unit;

    protected AssaySpec() {
    }

    private AssaySpec(String assay, QualitativeOutcome expected, BigDecimal min, BigDecimal max, String unit) {
        if (assay == null || !ASSAY.matcher(assay).matches()) {
            throw new IllegalArgumentException("assay names are 2-40 upper-case letters, digits or '_'");
        }
        this.assay = assay;
        this.expected = expected;
        this.min = min;
        this.max = max;
        this.unit = unit;
    }

    public static AssaySpec qualitative(String assay, QualitativeOutcome expected) {
        return new AssaySpec(assay, Objects.requireNonNull(expected, "expected outcome"), null, null, null);
    }

    public static AssaySpec range(String assay, BigDecimal min, BigDecimal max, String unit) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a quantitative specification needs a min, a max or both");
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a quantitative specification needs a unit");
        }
        if (min != null && !storable(min) || max != null && !storable(max)) {
            throw new IllegalArgumentException(BOUNDS);
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min must not exceed max");
        }
        return new AssaySpec(assay, null, min, max, unit.strip());
    }

    /** What {@link #storable} allows, in words. */
    public static final String BOUNDS = "at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and "
            + MAX_FRACTION_DIGITS + " after it, exponent included (1e-13 and 1e18 are out)";

    /**
     * Whether the number is kept exactly as given: PostgreSQL's {@code numeric} stores at most 16 383 digits after the
     * point, and the driver's encoding overflows for large exponents, so {@code 4.2e262155} was stored as 420000000000
     * and judged as itself. A limit or a reading is judged only when it is stored as the same number.
     */
    public static boolean storable(BigDecimal value) {
        return value.scale() <= MAX_FRACTION_DIGITS && (long) value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
    }

    /**
     * Whether a reading below zero can be meant: only when a limit of the specification is below zero (a zeta
     * potential of -40 to -10 mV). Otherwise a minus sign is a typo that would pass an upper limit ({@code -0.6} EU/mL
     * under {@code <= 0.5 EU/mL}), and the reading is refused.
     */
    public boolean allowsNegative() {
        return min != null && min.signum() < 0 || max != null && max.signum() < 0;
    }

    public String assay() {
        return assay;
    }

    public Optional<QualitativeOutcome> expected() {
        return Optional.ofNullable(expected);
    }

    public Optional<BigDecimal> min() {
        return Optional.ofNullable(min);
    }

    public Optional<BigDecimal> max() {
        return Optional.ofNullable(max);
    }

    public Optional<String> unit() {
        return Optional.ofNullable(unit);
    }

    public boolean qualitative() {
        return expected != null;
    }

    /** The specification in words a QA pharmacist reads: {@code NEGATIVE}, {@code <= 0.5 EU/mL}, {@code 1.0 to 2.0 mg/mL}. */
    public String describe() {
        if (qualitative()) {
            return expected.name();
        }
        if (min != null && max != null) {
            return min.toPlainString() + " to " + max.toPlainString() + " " + unit;
        }
        return (min != null ? ">= " + min.toPlainString() : "<= " + max.toPlainString()) + " " + unit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssaySpec other && assay.equals(other.assay);
    }

    @Override
    public int hashCode() {
        return assay.hashCode();
    }
}
