package org.exotrace.qc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Expiry;
import org.exotrace.lot.entity.Lot;
import org.exotrace.lot.entity.LotDecision;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.error.DomainError;
import org.exotrace.qc.entity.QcReview;
import org.exotrace.qc.entity.ReleasePolicy;
import org.exotrace.qc.entity.ReleaseSignature;
import org.exotrace.security.control.Signatures;
import org.exotrace.security.entity.AppUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** QA's decisions on a lot: the signed release, rejection and recall. */
@ApplicationScoped
@Transactional
public class QaDecisions {

    /** What a release signature did: released the lot, or waits for the second signer. */
    public record Signed(Lot lot, ReleaseSignature signature, ReleasePolicy.Step step) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Lots lots;

    @Inject
    QcResults results;

    @Inject
    Signatures signatures;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Observed in this transaction by the webhook outbox, which writes the event with the decision, and counted after it. */
    @Inject
    Event<LotDecided> decided;

    @Inject
    @ConfigProperty(name = "exotrace.release.second-signer", defaultValue = "false")
    boolean secondSignerRequired;

    /** A signature made within this time after an ADMIN reset the signer's password is flagged with the reset's instant. */
    @Inject
    @ConfigProperty(name = "exotrace.release.reset-flag-window")
    Duration resetFlagWindow;

    /**
     * Signs the lot's release: the signer's password is checked again (an account that also holds ADMIN, or whose
     * password is an ADMIN's temporary one, may not sign), the lot's QC must be complete and passing, and the signature
     * keeps exactly the results it was made over, flagged when an ADMIN reset the signer's password shortly before.
     */
    public Signed release(String lotNumber, String productCode, String password, String meaning, String signer, String address) {
        AppUser account = signatures.require(signer, password, address, "the release of lot " + lotNumber);
        Lot lot = lots.lockedForQa(lotNumber, productCode);
        lot.requireCanBecome(LotStatus.RELEASED);
        Instant now = clock.instant();
        if (Expiry.lastDayReached(lot.expiresOn(), LocalDate.ofInstant(now, clock.getZone()))) {
            throw DomainError.conflict("LOT_EXPIRED", "lot " + lot.lotNumber() + " expired on " + lot.expiresOn() + ": it cannot be released");
        }
        QcReview review = QcReview.of(lot.product().requiredAssays(), results.history(lot));
        if (!review.failing().isEmpty()) {
            throw DomainError.assays("QC_FAILED", "lot " + lot.lotNumber() + " fails " + review.failing()
                    + (review.missing().isEmpty() ? "" : " and lacks " + review.missing()) + ": reject it, or enter a correction", review.failing());
        }
        if (!review.missing().isEmpty()) {
            throw DomainError.assays("QC_INCOMPLETE", "lot " + lot.lotNumber() + " has no result for " + review.missing(), review.missing());
        }
        List<ReleaseSignature> earlier = results.signatures(lot);
        ReleasePolicy.Step step = ReleasePolicy.next(secondSignerRequired, earlier, review, signer);
        Optional<Instant> resetSoonBefore = account.passwordResetAt().filter(reset -> !reset.plus(resetFlagWindow).isBefore(now));
        ReleaseSignature signature = new ReleaseSignature(lot, signer, meaning, review, now, resetSoonBefore);
        em.persist(signature);
        JsonObjectBuilder signed = Json.createObjectBuilder()
                .add("product", lot.product().code()).add("signatureId", signature.id().toString()).add("meaning", signature.meaning())
                .add("contentDigest", signature.contentDigest()).add("results", review.current().size());
        resetSoonBefore.ifPresent(reset -> signed.add("signerPasswordResetAt", reset.toString())
                .add("signerPasswordResetBy", account.passwordResetBy().orElse("")));
        audit.record(signer, "LOT_RELEASE_SIGNED", "lot", lot.lotNumber(), signed.build());
        if (step == ReleasePolicy.Step.RELEASE) {
            String signers = Stream.concat(earlier.stream().filter(s -> s.covers(review)).map(ReleaseSignature::signer), Stream.of(signer))
                    .collect(Collectors.joining(", "));
            decide(lot, () -> lot.release(signer, now, "released on the signature of " + signers + ": " + signature.meaning()), signer,
                    "LOT_RELEASED");
        }
        return new Signed(lot, signature, step);
    }

    public LotDecision reject(String lotNumber, String productCode, String reason, String actor) {
        Lot lot = lots.lockedForQa(lotNumber, productCode);
        return decide(lot, () -> lot.reject(actor, clock.instant(), reason), actor, "LOT_REJECTED");
    }

    public LotDecision recall(String lotNumber, String productCode, String reason, String actor) {
        Lot lot = lots.lockedForQa(lotNumber, productCode);
        return decide(lot, () -> lot.recall(actor, clock.instant(), reason), actor, "LOT_RECALLED");
    }

    private LotDecision decide(Lot lot, Supplier<LotDecision> verb, String actor, String action) {
        LotDecision decision = verb.get();
        em.persist(decision);
        audit.record(actor, action, "lot", lot.lotNumber(), Json.createObjectBuilder()
                .add("product", lot.product().code()).add("from", decision.from().name()).add("to", decision.to().name())
                .add("reason", decision.reason()).build());
        decided.fire(new LotDecided(lot.lotNumber(), lot.product().code(), lot.product().gtin().value(), decision.from(), decision.to(),
                decision.reason(), decision.decidedAt(), decision.decidedBy()));
        return decision;
    }
}
