package org.exotrace.coldchain.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.exotrace.platform.error.DomainError;

import java.time.Instant;
import java.util.UUID;

/**
 * QA's signed decision on the vials an excursion of a place held (named by place, kind and start): released back to use
 * with a justification, or wasted. A new record, never changed; it ends the holds it was made over, and a vial held by
 * the same excursion later (moved into the place while it was still open) waits for a disposition of its own.
 */
@Entity
@Table(name = "excursion_disposition")
public class ExcursionDisposition {

    @Id
    private UUID id;

    @Column(name = "place_id", nullable = false, updatable = false)
    private UUID placeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ExcursionKind kind;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Disposition decision;

    @Column(nullable = false, updatable = false)
    private String justification;

    @Column(nullable = false, updatable = false)
    private int vials;

    @Column(name = "signed_by", nullable = false, updatable = false)
    private String signedBy;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    protected ExcursionDisposition() {
    }

    /**
     * QA's decision over the {@code heldVials} the excursion holds now.
     *
     * @param stillOpen the excursion has not ended: its vials may be wasted, not released (the place is still not safe)
     * @throws DomainError {@code NOTHING_HELD} when the excursion holds no vial, {@code EXCURSION_OPEN} for a release
     *                     while it lasts, invalid when the justification is not 3-500 characters
     */
    public static ExcursionDisposition decide(StoragePlace place, ExcursionKind kind, Instant startedAt, Disposition decision,
                                              String justification, int heldVials, boolean stillOpen, String signer, Instant at) {
        String text = justification == null ? "" : justification.strip();
        if (text.length() < 3 || text.length() > 500) {
            throw DomainError.invalid("justification", "3 to 500 characters: why the vials may be used again, or why they are wasted");
        }
        String excursion = "the " + kind + " excursion of " + place.code() + " from " + startedAt;
        if (heldVials == 0) {
            throw DomainError.conflict("NOTHING_HELD", excursion + " holds no vial that QA has not disposed of: nothing was signed");
        }
        if (decision == Disposition.RELEASE && stillOpen) {
            throw DomainError.conflict("EXCURSION_OPEN", excursion + " has not ended: its vials may be wasted now, released only once the "
                    + "place is back in range; nothing was signed");
        }
        ExcursionDisposition d = new ExcursionDisposition();
        d.id = UUID.randomUUID();
        d.placeId = place.id();
        d.kind = kind;
        d.startedAt = startedAt;
        d.decision = decision;
        d.justification = text;
        d.vials = heldVials;
        d.signedBy = signer;
        d.signedAt = at;
        return d;
    }

    public UUID id() {
        return id;
    }

    public ExcursionKind kind() {
        return kind;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Disposition decision() {
        return decision;
    }

    public String justification() {
        return justification;
    }

    public int vials() {
        return vials;
    }

    public String signedBy() {
        return signedBy;
    }

    public Instant signedAt() {
        return signedAt;
    }
}
