package org.exotrace.catalog.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.exotrace.gs1.Gtin;
import org.exotrace.platform.error.DomainError;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A product of the catalogue: an exosome preparation with its GTIN, donor sources (one, or a blend),
 * volume per vial, stated particle count, allowed routes and the QC specification every lot must
 * meet. Equal by code. Never edited: a changed specification is a new product.
 */
@Entity
@Table(name = "product")
public class Product {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    public static final BigDecimal DEFAULT_VOLUME_ML = new BigDecimal("2.0");

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, unique = true, updatable = false)
    private String gtin;

    @Column(name = "volume_ml", nullable = false)
    private BigDecimal volumeMl;

    @Column(name = "particles_per_vial", nullable = false)
    private long particlesPerVial;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_donor_source", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "donor_source")
    @Enumerated(EnumType.STRING)
    private Set<DonorSource> donorSources;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_route", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "route")
    @Enumerated(EnumType.STRING)
    private Set<Route> routes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_assay_spec", joinColumns = @JoinColumn(name = "product_id"))
    private Set<AssaySpec> requiredAssays;

    @Column(name = "storage_min_c", updatable = false)
    private BigDecimal storageMinC;

    @Column(name = "storage_max_c", updatable = false)
    private BigDecimal storageMaxC;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected Product() {
    }

    /** @throws DomainError INVALID naming {@code product} when an invariant of the product is broken */
    public Product(String code, String name, Gtin gtin, Set<DonorSource> donorSources, BigDecimal volumeMl,
                   long particlesPerVial, Set<Route> routes, List<AssaySpec> requiredAssays, String createdBy, Instant createdAt) {
        this(code, name, gtin, donorSources, volumeMl, particlesPerVial, routes, requiredAssays, Optional.empty(), createdBy, createdAt);
    }

    /**
     * @param storage the temperatures the product must be stored at, when stated: a vial is never received or moved into a
     *                storage place that keeps another range (ADR 0044)
     * @throws DomainError INVALID naming {@code product} when an invariant of the product is broken
     */
    public Product(String code, String name, Gtin gtin, Set<DonorSource> donorSources, BigDecimal volumeMl,
                   long particlesPerVial, Set<Route> routes, List<AssaySpec> requiredAssays, Optional<StorageRange> storage,
                   String createdBy, Instant createdAt) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw DomainError.invalid("product", "code must be 2-32 upper-case letters, digits or '-'");
        }
        if (donorSources == null || donorSources.isEmpty()) {
            throw DomainError.invalid("product", "a product has at least one donor source");
        }
        if (routes == null || routes.isEmpty()) {
            throw DomainError.invalid("product", "a product has at least one route");
        }
        if (volumeMl == null || volumeMl.signum() <= 0 || volumeMl.compareTo(new BigDecimal("100")) > 0) {
            throw DomainError.invalid("product", "volume per vial must be above 0 and at most 100 ml");
        }
        if (particlesPerVial <= 0) {
            throw DomainError.invalid("product", "stated particles per vial must be positive");
        }
        Set<String> assays = new HashSet<>();
        for (AssaySpec spec : requiredAssays) {
            if (!assays.add(spec.assay())) {
                throw DomainError.invalid("product", "assay " + spec.assay() + " is specified twice");
            }
        }
        this.id = UUID.randomUUID();
        this.code = code;
        this.name = Objects.requireNonNull(name);
        this.gtin = gtin.value();
        this.donorSources = EnumSet.copyOf(donorSources);
        this.volumeMl = volumeMl;
        this.particlesPerVial = particlesPerVial;
        this.routes = EnumSet.copyOf(routes);
        this.requiredAssays = new HashSet<>(requiredAssays);
        this.storageMinC = storage.map(StorageRange::minC).orElse(null);
        this.storageMaxC = storage.map(StorageRange::maxC).orElse(null);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** The temperatures the product must be stored at, when its record states them. */
    public Optional<StorageRange> storageRange() {
        return storageMinC == null ? Optional.empty() : Optional.of(new StorageRange(storageMinC, storageMaxC));
    }

    public boolean madeFrom(DonorSource source) {
        return donorSources.contains(source);
    }

    public boolean allows(Route route) {
        return routes.contains(route);
    }

    /** Dispensed for home use rather than administered at the clinic (nasal, eye drops). */
    public boolean homeUse() {
        return routes.stream().allMatch(Route::homeUse);
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

    public Gtin gtin() {
        return Gtin.of(gtin);
    }

    public BigDecimal volumeMl() {
        return volumeMl;
    }

    public long particlesPerVial() {
        return particlesPerVial;
    }

    public Set<DonorSource> donorSources() {
        return Collections.unmodifiableSet(donorSources);
    }

    public Set<Route> routes() {
        return Collections.unmodifiableSet(routes);
    }

    public Set<AssaySpec> requiredAssays() {
        return Collections.unmodifiableSet(requiredAssays);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Product other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
