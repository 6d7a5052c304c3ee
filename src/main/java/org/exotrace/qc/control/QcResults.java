package org.exotrace.qc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Lot;
import org.exotrace.lot.entity.LotDecision;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.error.DomainError;
import org.exotrace.qc.entity.AssayEntry;
import org.exotrace.qc.entity.AssayResult;
import org.exotrace.qc.entity.QcReview;
import org.exotrace.qc.entity.ReleaseSignature;
import org.exotrace.qc.entity.ResultSource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Entering a lot's QC results, all or nothing, and reading its QC dossier. */
@ApplicationScoped
@Transactional
public class QcResults {

    /** A lot's QC as QA reviews it: every result ever entered, where it stands, and the release history. */
    public record Dossier(Lot lot, List<AssayResult> history, QcReview review, List<ReleaseSignature> signatures,
                          List<LotDecision> decisions) {
    }

    /** What was entered, with the lot's whole history after it. */
    public record Entered(Lot lot, List<AssayResult> results, List<AssayResult> history) {
        public QcReview review() {
            return QcReview.of(lot.product().requiredAssays(), history);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Lots lots;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Judges and stores results for a quarantined lot. Each entry names a required assay of the
     * product; an assay that already has a result takes a correction ({@code supersedes}) only.
     */
    public Entered enter(String lotNumber, String productCode, List<AssayEntry> entries, ResultSource source, String actor) {
        Lot lot = lots.lockedForQa(lotNumber, productCode);
        if (lot.status() != LotStatus.QUARANTINED) {
            throw DomainError.wrongState("LOT_STATUS_CONFLICT", "lot " + lot.lotNumber() + " is " + lot.status()
                    + ": results are entered while it is QUARANTINED", lot.status().name());
        }
        List<AssayResult> known = new ArrayList<>(history(lot));
        List<AssayResult> entered = new ArrayList<>();
        Instant now = clock.instant();
        for (AssayEntry entry : entries) {
            String where = entry.where();
            AssaySpec spec = lot.product().requiredAssays().stream().filter(s -> s.assay().equals(entry.assay())).findFirst()
                    .orElseThrow(() -> DomainError.invalid("ASSAY_NOT_SPECIFIED", where + "assay", entry.assay()
                            + " is not in the specification of " + lot.product().code() + " " + assayNames(lot)));
            QcReview standing = QcReview.of(lot.product().requiredAssays(), known);
            Optional<AssayResult> current = standing.current().stream().filter(r -> r.assay().equals(entry.assay())).findFirst();
            if (entry.supersedes() == null && current.isPresent()) {
                AssayResult c = current.get();
                throw DomainError.conflict("RESULT_EXISTS", where + entry.assay() + " of lot " + lot.lotNumber() + " already has result "
                        + c.id() + " (" + c.reading() + ", " + c.judgement() + "): a correction names it in 'supersedes' and gives a 'reason'");
            }
            Optional<AssayResult> corrected = known.stream().filter(r -> r.id().equals(entry.supersedes())).findFirst();
            if (corrected.isPresent() && corrected.get().assay().equals(entry.assay()) && !current.equals(corrected)) {
                throw DomainError.conflict("RESULT_SUPERSEDED", where + "result " + entry.supersedes()
                        + " was already corrected" + current.map(c -> " by " + c.id()).orElse("") + ": correct the current result");
            }
            AssayResult result = AssayResult.judge(lot, spec, entry, corrected, source, actor, now);
            em.persist(result);
            known.add(result);
            entered.add(result);
            audit.record(actor, "QC_RESULT_ENTERED", "lot", lot.lotNumber(), describe(lot, result));
        }
        return new Entered(lot, entered, known);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Dossier dossier(String lotNumber, String productCode) {
        Lot lot = lots.find(lotNumber, productCode).orElseThrow(() -> DomainError.notFound("lot", lotNumber));
        List<AssayResult> history = history(lot);
        return new Dossier(lot, history, QcReview.of(lot.product().requiredAssays(), history), signatures(lot), decisions(lot));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssayResult> history(Lot lot) {
        return em.createQuery("SELECT r FROM AssayResult r WHERE r.lot = :lot ORDER BY r.enteredAt, r.assay", AssayResult.class)
                .setParameter("lot", lot).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReleaseSignature> signatures(Lot lot) {
        return em.createQuery("SELECT s FROM ReleaseSignature s WHERE s.lot = :lot ORDER BY s.signedAt", ReleaseSignature.class)
                .setParameter("lot", lot).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LotDecision> decisions(Lot lot) {
        return em.createQuery("SELECT d FROM LotDecision d WHERE d.lotId = :lot ORDER BY d.seq", LotDecision.class)
                .setParameter("lot", lot.id()).getResultList();
    }

    private static List<String> assayNames(Lot lot) {
        return lot.product().requiredAssays().stream().map(AssaySpec::assay).sorted().toList();
    }

    private static JsonObject describe(Lot lot, AssayResult r) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("resultId", r.id().toString()).add("product", lot.product().code()).add("assay", r.assay())
                .add("reading", r.reading()).add("specification", r.specification()).add("judgement", r.judgement().name())
                .add("source", r.source().name());
        r.method().ifPresent(m -> o.add("method", m));
        r.performedAt().ifPresent(p -> o.add("performedAt", p.toString()));
        r.performer().ifPresent(p -> o.add("performer", p));
        r.supersedes().ifPresent(s -> o.add("supersedes", s.toString()));
        r.reason().ifPresent(s -> o.add("reason", s));
        return o.build();
    }
}
