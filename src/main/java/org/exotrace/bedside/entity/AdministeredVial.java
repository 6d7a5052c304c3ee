package org.exotrace.bedside.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import org.exotrace.catalog.entity.Route;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One vial of a dose: how much of it was given, what was left and wasted, and whether it was scanned. */
@Entity
@Table(name = "administration_vial")
@IdClass(AdministeredVial.Key.class)
public class AdministeredVial {

    public record Key(UUID administrationId, UUID vialId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "administration_id", updatable = false)
    private UUID administrationId;

    @Id
    @Column(name = "vial_id", updatable = false)
    private UUID vialId;

    /** The vial's place in the request: the volume is drawn from the vials in this order. */
    @Column(nullable = false, updatable = false)
    private int position;

    @Column(name = "lot_id", nullable = false, updatable = false)
    private UUID lotId;

    @Column(name = "volume_ml", nullable = false, updatable = false)
    private BigDecimal volumeMl;

    @Column(name = "remainder_ml", nullable = false, updatable = false)
    private BigDecimal remainderMl;

    @Column(nullable = false, updatable = false)
    private boolean scanned;

    @Column(updatable = false)
    private String barcode;

    /** The vial's uses are numbered from 1; use n + 1 follows a correction of the dose of use n (V26). */
    @Column(name = "use_number", nullable = false, updatable = false)
    private int useNumber;

    // Copies of the dose's own columns and the vial's serial, for the lot's trace (V9): a dose never changes.
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DoseKind kind;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private String patientId;

    @Column(name = "administered_at", nullable = false, updatable = false)
    private Instant administeredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Route route;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private InjectionSite site;

    @Column(name = "site_detail", updatable = false)
    private String siteDetail;

    @Column(nullable = false, updatable = false)
    private String nurse;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Purpose purpose;

    @Column(nullable = false, updatable = false)
    private String serial;

    protected AdministeredVial() {
    }

    AdministeredVial(Administration dose, VialFacts vial, int position, BigDecimal volumeMl, BigDecimal remainderMl, String barcode,
                     int useNumber) {
        this(dose.id(), vial.vialId(), position, vial.lotId(), volumeMl, remainderMl, barcode);
        this.useNumber = useNumber;
        this.kind = dose.kind();
        this.patientId = dose.patientId();
        this.administeredAt = dose.administeredAt();
        this.route = dose.route();
        this.site = dose.site().orElse(null);
        this.siteDetail = dose.siteDetail().orElse(null);
        this.nurse = dose.nurse();
        this.purpose = dose.purpose();
        this.serial = vial.serial();
    }

    private AdministeredVial(UUID administrationId, UUID vialId, int position, UUID lotId, BigDecimal volumeMl, BigDecimal remainderMl,
                             String barcode) {
        this.administrationId = Objects.requireNonNull(administrationId);
        this.vialId = Objects.requireNonNull(vialId);
        this.position = position;
        this.lotId = Objects.requireNonNull(lotId);
        this.volumeMl = volumeMl;
        this.remainderMl = remainderMl;
        this.scanned = barcode != null;
        this.barcode = barcode;
    }

    public UUID administrationId() {
        return administrationId;
    }

    public UUID vialId() {
        return vialId;
    }

    public int position() {
        return position;
    }

    public UUID lotId() {
        return lotId;
    }

    public BigDecimal volumeMl() {
        return volumeMl;
    }

    public BigDecimal remainderMl() {
        return remainderMl;
    }

    public boolean scanned() {
        return scanned;
    }

    public Optional<String> barcode() {
        return Optional.ofNullable(barcode);
    }

    public int useNumber() {
        return useNumber;
    }
}
