package org.exotrace.bedside.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.exotrace.catalog.entity.Route;
import org.exotrace.platform.error.DomainError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.exotrace.platform.entity.Texts.blankToNull;

/**
 * A dose: one or more vials given to (or dispensed for) one patient by one nurse. The dose is kept in
 * millilitres and in particles (the product's stated particles per ml times the volume). Never
 * changed; a wrong record is answered by a new one, not an edit.
 */
@Entity
@Table(name = "administration")
public class Administration {

    /** How far in the past a dose may be entered late (with a reason), and how much clock skew is tolerated. */
    public static final Duration LATE_ENTRY_GRACE = Duration.ofMinutes(5);

    /** Volumes are kept to the microlitre, as stored ({@code numeric(8, 3)}), so a record reads back as it was written. */
    static final int ML_SCALE = 3;

    /** What the nurse said about the dose. */
    public record Details(String patientId, Route route, InjectionSite site, String siteDetail, BigDecimal volumeMl, Purpose purpose,
                          String indication, String sessionRef, String physician, String consentRef, String provisionPlanNumber,
                          Instant administeredAt, String lateEntryReason) {
    }

    /**
     * One vial to use, with the label scanned from it (null when chosen by hand) and the number of this use: 1, or one
     * more than the use whose dose was corrected (a vial put back in stock, or named again by a replacement).
     */
    public record Use(VialFacts vial, String barcode, int useNumber) {
    }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DoseKind kind;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private String patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Route route;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private InjectionSite site;

    @Column(name = "site_detail", updatable = false)
    private String siteDetail;

    @Column(name = "volume_ml", nullable = false, updatable = false)
    private BigDecimal volumeMl;

    @Column(nullable = false, updatable = false)
    private long particles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Purpose purpose;

    @Column(updatable = false)
    private String indication;

    @Column(name = "session_ref", updatable = false)
    private String sessionRef;

    @Column(updatable = false)
    private String physician;

    @Column(name = "consent_ref", updatable = false)
    private String consentRef;

    @Column(name = "provision_plan_number", updatable = false)
    private String provisionPlanNumber;

    @Column(name = "administered_at", nullable = false, updatable = false)
    private Instant administeredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "late_entry_reason", updatable = false)
    private String lateEntryReason;

    @Column(nullable = false, updatable = false)
    private String nurse;

    @Column(nullable = false, updatable = false)
    private String warnings;

    @Transient
    private List<AdministeredVial> vials = List.of();

    protected Administration() {
    }

    /**
     * Records a dose over the given vials, which the caller has checked and locked. The volume is
     * drawn from the vials in order; the last one may be used in part, and its remainder is wasted.
     *
     * @param lateEntryWindow how far back a dose may be entered late
     * @throws DomainError naming the field when the dose is not possible as described
     */
    public static Administration record(DoseKind kind, Details d, List<Use> uses, List<Caution> warnings, String nurse, Instant now,
                                        Duration lateEntryWindow) {
        if (uses.isEmpty()) {
            throw DomainError.invalid("vials", "name at least one vial");
        }
        if (d.purpose() == Purpose.THERAPY && blank(d.indication())) {
            throw DomainError.invalid("indication", "a therapy names its indication");
        }
        if (d.route() == Route.INJECTION && d.site() == null) {
            throw DomainError.invalid("site", "an injection names its site (FACE, SCALP, JOINT, INTRAMUSCULAR, SUBCUTANEOUS, OTHER)");
        }
        if (d.route() != Route.INJECTION && d.site() != null) {
            throw DomainError.invalid("site", "a site is recorded for injections only");
        }
        if (kind == DoseKind.DISPENSED && !d.route().homeUse()) {
            throw DomainError.invalid("route", d.route() + " is not a home-use route: dispense NASAL or EYE_DROP products");
        }
        Instant at = (d.administeredAt() == null ? now : d.administeredAt()).truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now.plus(LATE_ENTRY_GRACE))) {
            throw DomainError.invalid("administeredAt", "lies in the future");
        }
        boolean late = at.isBefore(now.minus(LATE_ENTRY_GRACE));
        if (late && at.isBefore(now.minus(lateEntryWindow))) {
            throw DomainError.invalid("administeredAt", "more than " + lateEntryWindow.toHours() + " h ago: a dose is entered late within the shift only");
        }
        if (late && blank(d.lateEntryReason())) {
            throw DomainError.invalid("lateEntryReason", "a dose entered after the fact says why");
        }
        BigDecimal capacity = uses.stream().map(u -> u.vial().volumeMl()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal volume = d.volumeMl() == null && kind == DoseKind.DISPENSED ? capacity : d.volumeMl();
        if (volume == null || volume.signum() <= 0) {
            throw DomainError.invalid("volumeMl", "give the volume in ml");
        }
        if (volume.stripTrailingZeros().scale() > ML_SCALE) {
            throw DomainError.invalid("volumeMl", "at most " + ML_SCALE + " decimals (a microlitre)");
        }
        volume = volume.setScale(ML_SCALE, RoundingMode.UNNECESSARY);
        if (volume.compareTo(capacity) > 0) {
            throw DomainError.invalid("volumeMl", volume.toPlainString() + " ml is more than the " + capacity.toPlainString()
                    + " ml the vial(s) hold");
        }
        if (kind == DoseKind.DISPENSED && volume.compareTo(capacity) != 0) {
            throw DomainError.invalid("volumeMl", "a dispensed vial is handed over whole: " + capacity.toPlainString() + " ml");
        }
        Administration a = new Administration();
        a.id = UUID.randomUUID();
        a.kind = kind;
        a.patientId = d.patientId();
        a.route = d.route();
        a.site = d.site();
        a.siteDetail = blankToNull(d.siteDetail());
        a.volumeMl = volume;
        a.purpose = d.purpose();
        a.indication = blankToNull(d.indication());
        a.sessionRef = blankToNull(d.sessionRef());
        a.physician = blankToNull(d.physician());
        a.consentRef = blankToNull(d.consentRef());
        a.provisionPlanNumber = blankToNull(d.provisionPlanNumber());
        a.administeredAt = at;
        a.recordedAt = now.truncatedTo(ChronoUnit.MICROS);
        a.lateEntryReason = late ? d.lateEntryReason().strip() : null;
        a.nurse = Objects.requireNonNull(nurse);
        a.warnings = String.join(",", warnings.stream().map(Enum::name).distinct().toList());
        List<AdministeredVial> used = new ArrayList<>();
        BigDecimal left = volume;
        BigDecimal particles = BigDecimal.ZERO;
        for (int i = 0; i < uses.size(); i++) {
            VialFacts v = uses.get(i).vial();
            if (left.signum() <= 0) {
                throw DomainError.invalid("vials[" + i + "]", "vial " + v.serial() + " would not be used: " + volume.toPlainString()
                        + " ml is drawn from the vials before it");
            }
            BigDecimal drawn = left.min(v.volumeMl()).setScale(ML_SCALE, RoundingMode.UNNECESSARY);
            left = left.subtract(drawn);
            used.add(new AdministeredVial(a, v, i, drawn, v.volumeMl().subtract(drawn).setScale(ML_SCALE, RoundingMode.UNNECESSARY),
                    uses.get(i).barcode(), uses.get(i).useNumber()));
            particles = particles.add(BigDecimal.valueOf(v.particlesPerVial()).multiply(drawn).divide(v.volumeMl(), 0, RoundingMode.DOWN));
        }
        a.particles = particles.longValueExact();
        a.vials = List.copyOf(used);
        return a;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Attaches the vial rows read back from the database. */
    public Administration with(List<AdministeredVial> rows) {
        this.vials = List.copyOf(rows);
        return this;
    }

    public UUID id() {
        return id;
    }

    public DoseKind kind() {
        return kind;
    }

    public String patientId() {
        return patientId;
    }

    public Route route() {
        return route;
    }

    public Optional<InjectionSite> site() {
        return Optional.ofNullable(site);
    }

    public Optional<String> siteDetail() {
        return Optional.ofNullable(siteDetail);
    }

    public BigDecimal volumeMl() {
        return volumeMl;
    }

    public long particles() {
        return particles;
    }

    public Purpose purpose() {
        return purpose;
    }

    public Optional<String> indication() {
        return Optional.ofNullable(indication);
    }

    public Optional<String> sessionRef() {
        return Optional.ofNullable(sessionRef);
    }

    public Optional<String> physician() {
        return Optional.ofNullable(physician);
    }

    public Optional<String> consentRef() {
        return Optional.ofNullable(consentRef);
    }

    public Optional<String> provisionPlanNumber() {
        return Optional.ofNullable(provisionPlanNumber);
    }

    public Instant administeredAt() {
        return administeredAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public Optional<String> lateEntryReason() {
        return Optional.ofNullable(lateEntryReason);
    }

    public String nurse() {
        return nurse;
    }

    public List<Caution> warnings() {
        return warnings.isEmpty() ? List.of() : Arrays.stream(warnings.split(",")).map(Caution::valueOf).toList();
    }

    public List<AdministeredVial> vials() {
        return vials;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Administration other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
