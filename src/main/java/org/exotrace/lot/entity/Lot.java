package org.exotrace.lot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.exotrace.catalog.entity.CellProcessingCentre;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Product;
import org.exotrace.gs1.Gs1LotAndSerial;
import org.exotrace.platform.error.DomainError;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One production run of a product at a CPC. Equal by product and lot number. */
@Entity
@Table(name = "lot")
public class Lot {

    @Id
    private UUID id;

    @Column(name = "lot_number", nullable = false, updatable = false)
    private String lotNumber;

    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id", nullable = false, updatable = false)
    private Product product;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cpc_id", nullable = false, updatable = false)
    private CellProcessingCentre cpc;

    @Enumerated(EnumType.STRING)
    @Column(name = "donor_source", nullable = false, updatable = false)
    private DonorSource donorSource;

    @Column(name = "manufactured_on", nullable = false, updatable = false)
    private LocalDate manufacturedOn;

    @Column(name = "expires_on", nullable = false, updatable = false)
    private LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LotStatus status;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "received_by", nullable = false, updatable = false)
    private String receivedBy;

    protected Lot() {
    }

    /**
     * A lot as it arrives: quarantined until QA releases it.
     *
     * @throws DomainError when a rule of receiving is broken (names the field)
     */
    public static Lot receive(String lotNumber, Product product, CellProcessingCentre cpc, DonorSource donorSource,
                              LocalDate manufacturedOn, LocalDate expiresOn, LocalDate today, String receivedBy, Instant at) {
        if (Gs1LotAndSerial.lotProblem(lotNumber).isPresent()) {
            throw DomainError.invalid("lotNumber", Gs1LotAndSerial.RULE);
        }
        if (!product.madeFrom(donorSource)) {
            throw DomainError.invalid("donorSource", donorSource + " is not a donor source of " + product.code()
                    + " " + product.donorSources().stream().sorted().toList());
        }
        if (!expiresOn.isAfter(manufacturedOn)) {
            throw DomainError.invalid("expiresOn", "must be after manufacturedOn " + manufacturedOn);
        }
        if (manufacturedOn.isAfter(today)) {
            throw DomainError.invalid("manufacturedOn", "lies in the future");
        }
        if (Expiry.lastDayReached(expiresOn, today)) {
            throw DomainError.invalid("expiresOn", "the lot expired on " + expiresOn + ": an expired lot is not received");
        }
        Lot lot = new Lot();
        lot.id = UUID.randomUUID();
        lot.lotNumber = lotNumber;
        lot.product = Objects.requireNonNull(product);
        lot.cpc = Objects.requireNonNull(cpc);
        lot.donorSource = donorSource;
        lot.manufacturedOn = manufacturedOn;
        lot.expiresOn = expiresOn;
        lot.status = LotStatus.QUARANTINED;
        lot.receivedBy = Objects.requireNonNull(receivedBy);
        lot.receivedAt = Objects.requireNonNull(at);
        return lot;
    }

    /** QA released the lot: its vials may now reach patients. */
    public LotDecision release(String by, Instant at, String reason) {
        return become(LotStatus.RELEASED, by, at, reason);
    }

    /** QA rejected the lot: none of its vials will ever be used. */
    public LotDecision reject(String by, Instant at, String reason) {
        return become(LotStatus.REJECTED, by, at, reason);
    }

    /** QA recalled the released lot: every vial of it is blocked at once. */
    public LotDecision recall(String by, Instant at, String reason) {
        return become(LotStatus.RECALLED, by, at, reason);
    }

    /** @throws DomainError {@code LOT_STATUS_CONFLICT} naming the lot's status when the QA state machine does not allow the move */
    public void requireCanBecome(LotStatus next) {
        if (!status.canBecome(next)) {
            throw DomainError.wrongState("LOT_STATUS_CONFLICT", "lot " + lotNumber + " is " + status + " and cannot become " + next
                    + " (allowed: QUARANTINED → RELEASED | REJECTED, RELEASED → RECALLED)", status.name());
        }
    }

    private LotDecision become(LotStatus next, String by, Instant at, String reason) {
        requireCanBecome(next);
        if (reason == null || reason.isBlank()) {
            throw DomainError.invalid("reason", "a change of status says why");
        }
        LotStatus from = status;
        status = next;
        return new LotDecision(id, from, next, reason.strip(), Objects.requireNonNull(by), Objects.requireNonNull(at));
    }

    public UUID id() {
        return id;
    }

    public String lotNumber() {
        return lotNumber;
    }

    public Product product() {
        return product;
    }

    public CellProcessingCentre cpc() {
        return cpc;
    }

    public DonorSource donorSource() {
        return donorSource;
    }

    public LocalDate manufacturedOn() {
        return manufacturedOn;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }

    public LotStatus status() {
        return status;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String receivedBy() {
        return receivedBy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lot other && lotNumber.equals(other.lotNumber) && product.equals(other.product);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lotNumber, product);
    }
}
