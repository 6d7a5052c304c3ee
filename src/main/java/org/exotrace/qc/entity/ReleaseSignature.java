package org.exotrace.qc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.exotrace.audit.control.AuditHash;
import org.exotrace.lot.entity.Lot;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An electronic signature on a lot's release (21 CFR 11.50 style): who signed, when, what the
 * signature means, and exactly what was signed, the lot's current QC results, with their SHA-256.
 * The signer re-entered the password to make it. Flagged with the instant an ADMIN reset the signer's
 * password when that was shortly before ({@code exotrace.release.reset-flag-window}). Never changed.
 */
@Entity
@Table(name = "lot_signature")
public class ReleaseSignature {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "lot_id", nullable = false, updatable = false)
    private Lot lot;

    @Column(nullable = false, updatable = false)
    private String signer;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    @Column(nullable = false, updatable = false)
    private String meaning;

    @Column(name = "signed_content", nullable = false, updatable = false)
    private String signedContent;

    @Column(name = "content_digest", nullable = false, updatable = false)
    private String contentDigest;

    /** When an ADMIN had reset the signer's password, if that was shortly before this signature: a flag for reviewers. */
    @Column(name = "signer_password_reset_at", updatable = false)
    private Instant signerPasswordResetAt;

    protected ReleaseSignature() {
    }

    public ReleaseSignature(Lot lot, String signer, String meaning, QcReview review, Instant at) {
        this(lot, signer, meaning, review, at, Optional.empty());
    }

    /** {@code signerPasswordResetAt}: an ADMIN reset the signer's password then, shortly before this signature. */
    public ReleaseSignature(Lot lot, String signer, String meaning, QcReview review, Instant at, Optional<Instant> signerPasswordResetAt) {
        if (!review.passed()) {
            throw new IllegalArgumentException("a release is signed only over complete, passing QC");
        }
        this.id = UUID.randomUUID();
        this.lot = Objects.requireNonNull(lot);
        this.signer = Objects.requireNonNull(signer);
        this.meaning = Objects.requireNonNull(meaning).strip();
        this.signedContent = review.signedContent();
        this.contentDigest = AuditHash.sha256(signedContent);
        this.signedAt = Objects.requireNonNull(at);
        this.signerPasswordResetAt = signerPasswordResetAt.orElse(null);
    }

    /** Whether this signature was made over exactly the results the review holds now. */
    public boolean covers(QcReview review) {
        return contentDigest.equals(AuditHash.sha256(review.signedContent()));
    }

    public Optional<Instant> signerPasswordResetAt() {
        return Optional.ofNullable(signerPasswordResetAt);
    }

    public UUID id() {
        return id;
    }

    public Lot lot() {
        return lot;
    }

    public String signer() {
        return signer;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public String meaning() {
        return meaning;
    }

    public String signedContent() {
        return signedContent;
    }

    public String contentDigest() {
        return contentDigest.trim();
    }
}
