package org.exotrace.catalog.entity;

import org.exotrace.platform.error.DomainError;

import java.math.BigDecimal;
import java.util.Optional;

/** The temperatures a product must be stored at, °C to a tenth, both bounds included. */
public record StorageRange(BigDecimal minC, BigDecimal maxC) {

    /** @throws DomainError naming the field when a bound is missing, outside -200..100 °C, finer than 0.1, or the range is empty */
    public StorageRange {
        requireCelsius("storageMinC", minC);
        requireCelsius("storageMaxC", maxC);
        if (minC.compareTo(maxC) >= 0) {
            throw DomainError.invalid("storageMaxC", "above storageMinC: the range the product is stored in, in °C");
        }
    }

    /** The range as a product's request gives it: none when both bounds are absent, refused when only one is given. */
    public static Optional<StorageRange> of(BigDecimal minC, BigDecimal maxC) {
        if (minC == null && maxC == null) {
            return Optional.empty();
        }
        return Optional.of(new StorageRange(minC, maxC));
    }

    /** A place that keeps {@code placeMinC}..{@code placeMaxC} keeps the product within this range. */
    public boolean contains(BigDecimal placeMinC, BigDecimal placeMaxC) {
        return placeMinC.compareTo(minC) >= 0 && placeMaxC.compareTo(maxC) <= 0;
    }

    private static void requireCelsius(String field, BigDecimal celsius) {
        if (celsius == null || celsius.compareTo(BigDecimal.valueOf(-200)) < 0 || celsius.compareTo(BigDecimal.valueOf(100)) > 0
                || celsius.stripTrailingZeros().scale() > 1) {
            throw DomainError.invalid(field, "storageMinC and storageMaxC together, each -200 to 100 °C to a tenth of a degree");
        }
    }
}
