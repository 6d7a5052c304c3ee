package org.exotrace.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** A cell processing centre (細胞加工施設). Equal by code. */
@Entity
@Table(name = "cpc")
public class CellProcessingCentre {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "licence_number", nullable = false)
    private String licenceNumber;

    @Column(nullable = false)
    private String country;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected CellProcessingCentre() {
    }

    public CellProcessingCentre(String code, String name, String licenceNumber, String country, String createdBy, Instant createdAt) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must be 2-32 upper-case letters, digits or '-'");
        }
        if (country == null || !COUNTRIES.contains(country)) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as JP");
        }
        this.id = UUID.randomUUID();
        this.code = code;
        this.name = Objects.requireNonNull(name);
        this.licenceNumber = Objects.requireNonNull(licenceNumber);
        this.country = country;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public static boolean isCountry(String country) {
        return country != null && COUNTRIES.contains(country);
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

    public String licenceNumber() {
        return licenceNumber;
    }

    public String country() {
        return country;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellProcessingCentre other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
