package org.exotrace.monitoring.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.exotrace.bedside.control.DoseRecorded;
import org.exotrace.bedside.control.ScanAnswered;
import org.exotrace.bedside.entity.Block;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.Verdict;
import org.exotrace.coldchain.control.ExcursionNoticed;
import org.exotrace.coldchain.entity.ExcursionKind;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.qc.control.LotDecided;

/**
 * The business counters. A dose, a lot decision or an excursion's notice is counted when its transaction committed
 * ({@link TransactionPhase#AFTER_SUCCESS}): a refused or rolled-back one never is. A scan records nothing and is
 * counted once its verdict is answered.
 */
@ApplicationScoped
public class Counting {

    public static final String SCANS = "exotrace.scans";
    public static final String SCAN_VERDICTS = "exotrace.scan.verdicts";
    public static final String DOSES = "exotrace.doses";
    public static final String LOT_DECISIONS = "exotrace.lot.decisions";
    public static final String EXCURSION_NOTICES = "exotrace.excursion.notices";
    /** The reason of an OK verdict. */
    public static final String NO_REASON = "NONE";

    @Inject
    MetricRegistry registry;

    /** Every series exists from the start at 0, so that a rate over it needs no first event. */
    @PostConstruct
    void register() {
        for (String verdict : new String[]{"OK", "BLOCKED"}) {
            registry.counter(verdicts(), new Tag("verdict", verdict));
        }
        registry.counter(scans(), new Tag("verdict", "OK"), new Tag("reason", NO_REASON));
        for (Block reason : Block.values()) {
            registry.counter(scans(), new Tag("verdict", "BLOCKED"), new Tag("reason", reason.name()));
        }
        for (DoseKind kind : DoseKind.values()) {
            registry.counter(doses(), new Tag("kind", kind.name()));
        }
        for (LotStatus to : new LotStatus[]{LotStatus.RELEASED, LotStatus.REJECTED, LotStatus.RECALLED}) {
            registry.counter(decisions(), new Tag("to", to.name()));
        }
        for (ExcursionKind kind : ExcursionKind.values()) {
            for (ExcursionNoticed.Notice notice : ExcursionNoticed.Notice.values()) {
                registry.counter(excursions(), new Tag("kind", kind.name()), new Tag("notice", notice.name()));
            }
        }
    }

    /** Started with the application, so that the series are there before the first event. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // creating the bean registers the series
    }

    /** One answered scan: once under its verdict, and once under each blocking reason (NONE when OK). */
    void scanned(@Observes ScanAnswered scan) {
        Verdict verdict = scan.verdict();
        String v = verdict.ok() ? "OK" : "BLOCKED";
        registry.counter(verdicts(), new Tag("verdict", v)).inc();
        if (verdict.ok()) {
            registry.counter(scans(), new Tag("verdict", v), new Tag("reason", NO_REASON)).inc();
        }
        for (Block reason : verdict.reasons()) {
            registry.counter(scans(), new Tag("verdict", v), new Tag("reason", reason.name())).inc();
        }
    }

    void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) DoseRecorded dose) {
        registry.counter(doses(), new Tag("kind", dose.kind().name())).inc();
    }

    void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) LotDecided decision) {
        registry.counter(decisions(), new Tag("to", decision.to().name())).inc();
    }

    void noticed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExcursionNoticed noticed) {
        registry.counter(excursions(), new Tag("kind", noticed.kind().name()), new Tag("notice", noticed.notice().name())).inc();
    }

    private static Metadata excursions() {
        return Metadata.builder().withName(EXCURSION_NOTICES).withDescription("Temperature excursions announced (webhooks"
                + " EXCURSION_*) and committed, by kind (OUT_OF_RANGE, NO_READINGS) and notice: OPENED once when first seen,"
                + " ENDED once seen ended, WITHDRAWN when late readings no longer show it").build();
    }

    private static Metadata scans() {
        return Metadata.builder().withName(SCANS).withDescription("Bedside scan verdicts answered (POST /api/scans), by verdict and"
                + " reason: an OK scan once with reason NONE, a BLOCKED scan once under each of its reasons").build();
    }

    private static Metadata verdicts() {
        return Metadata.builder().withName(SCAN_VERDICTS).withDescription("Bedside scan verdicts answered, one per scan, by verdict").build();
    }

    private static Metadata doses() {
        return Metadata.builder().withName(DOSES).withDescription("Doses recorded and committed, by kind: ADMINISTERED"
                + " (POST /api/administrations) or DISPENSED (POST /api/dispenses); replays and refusals are not counted").build();
    }

    private static Metadata decisions() {
        return Metadata.builder().withName(LOT_DECISIONS).withDescription("QA decisions on lots committed, by the status the lot"
                + " went to: RELEASED, REJECTED, RECALLED").build();
    }
}
