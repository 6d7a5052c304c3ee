package org.exotrace.coldchain.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.exotrace.platform.error.DomainError;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A place where vials are stored (a freezer, a refrigerator, a room) with the temperature range it must keep and how
 * long its loggers may stay silent. Registered once; never changed. A location vials were put at without registering it
 * (written as free text before places existed, or since) is a place record too, <em>in use</em>: coded as written, with
 * no kind or range; registering its code adds the registered record beside it (V29, ADR 0048).
 */
@Entity
@Table(name = "storage_place")
public class StoragePlace {

    /** The silence after which a place's temperature is unknown, unless its registration says otherwise. */
    public static final int DEFAULT_MAX_GAP_MINUTES = 15;

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false, updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private PlaceKind kind;

    @Column(name = "min_c", updatable = false)
    private BigDecimal minC;

    @Column(name = "max_c", updatable = false)
    private BigDecimal maxC;

    @Column(name = "max_gap_minutes", updatable = false)
    private Integer maxGapMinutes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected StoragePlace() {
    }

    /**
     * @throws DomainError naming the field when the range is empty or a bound is not a temperature to a tenth of a degree
     */
    public StoragePlace(String code, String name, PlaceKind kind, BigDecimal minC, BigDecimal maxC, Integer maxGapMinutes,
                        String actor, Instant at) {
        requireCelsius("minC", minC);
        requireCelsius("maxC", maxC);
        if (minC.compareTo(maxC) >= 0) {
            throw DomainError.invalid("maxC", "above minC: the range a place keeps, in °C");
        }
        int gap = maxGapMinutes == null ? DEFAULT_MAX_GAP_MINUTES : maxGapMinutes;
        if (gap < 1 || gap > 1440) {
            throw DomainError.invalid("maxGapMinutes", "1 to 1440 minutes");
        }
        this.id = UUID.randomUUID();
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.minC = minC;
        this.maxC = maxC;
        this.maxGapMinutes = gap;
        this.createdBy = actor;
        this.createdAt = at;
    }

    private static void requireCelsius(String field, BigDecimal celsius) {
        if (celsius.compareTo(BigDecimal.valueOf(-200)) < 0 || celsius.compareTo(BigDecimal.valueOf(100)) > 0
                || celsius.stripTrailingZeros().scale() > 1) {
            throw DomainError.invalid(field, "-200 to 100 °C, to a tenth of a degree");
        }
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** Whether the place is registered with its kind and range; when not, it is a location in use and nothing is judged there. */
    public boolean registered() {
        return kind != null;
    }

    /** The kind of place; null for a location in use. */
    public PlaceKind kind() {
        return kind;
    }

    /** The lowest temperature the place must keep; null for a location in use. */
    public BigDecimal minC() {
        return minC;
    }

    /** The highest temperature the place must keep; null for a location in use. */
    public BigDecimal maxC() {
        return maxC;
    }

    /** The longest silence of its loggers, in minutes; null for a location in use. */
    public Integer maxGapMinutes() {
        return maxGapMinutes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
