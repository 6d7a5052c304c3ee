package org.exotrace.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.InjectionSite;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.catalog.entity.Route;
import org.exotrace.vial.control.Stock;
import org.exotrace.vial.entity.WasteReason;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.exotrace.platform.control.NativeRows.instant;
import static org.exotrace.platform.control.NativeRows.text;
import static org.exotrace.platform.control.NativeRows.uuid;

/**
 * QA's reports. Each is one or two aggregate queries over a period's rows (found by the indexes of
 * {@code V8__report_indexes.sql}); the figures are put together by the plain classes beside this one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Reports {

    @PersistenceContext
    EntityManager em;

    @Inject
    Stock stock;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** Stock on hand from the stock view (every lot and location at once), summed by product and location. */
    public StockSummary stock() {
        return StockSummary.of(stock.onHand(Optional.empty(), 0, Integer.MAX_VALUE), today(), zone());
    }

    public Wastage wastage(ReportPeriod period) {
        List<Wastage.Line> lines = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT m.reason, p.code, p.name, count(*), sum(p.volume_ml)
                  FROM stock_movement m JOIN vial v ON v.id = m.vial_id JOIN lot l ON l.id = v.lot_id JOIN product p ON p.id = l.product_id
                 WHERE (m.kind = 'WASTED' OR (m.kind = 'COUNT_ADJUSTED' AND m.reason = 'MISSING_AT_COUNT'))
                   AND m.at >= ?1 AND m.at < ?2
                 GROUP BY m.reason, p.code, p.name""", period)) {
            lines.add(new Wastage.Line(WasteReason.valueOf(r[0].toString()), r[1].toString(), r[2].toString(), count(r[3]), 0, ml(r[4])));
        }
        for (Object[] r : rows("""
                SELECT p.code, p.name, count(*), sum(av.remainder_ml)
                  FROM administration a JOIN administration_vial av ON av.administration_id = a.id
                       JOIN lot l ON l.id = av.lot_id JOIN product p ON p.id = l.product_id
                 WHERE a.administered_at >= ?1 AND a.administered_at < ?2 AND av.remainder_ml > 0
                 GROUP BY p.code, p.name""", period)) {
            lines.add(new Wastage.Line(WasteReason.PARTIAL_USE_REMAINDER, r[0].toString(), r[1].toString(), 0, count(r[2]), ml(r[3])));
        }
        return Wastage.of(period, zone(), lines);
    }

    public ScanCompliance scanCompliance(ReportPeriod period) {
        List<ScanCompliance.Day> days = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT a.nurse, CAST(a.administered_at AT TIME ZONE ?3 AS date), count(DISTINCT a.id), count(*),
                       count(*) FILTER (WHERE NOT av.scanned)
                  FROM administration a JOIN administration_vial av ON av.administration_id = a.id
                 WHERE a.administered_at >= ?1 AND a.administered_at < ?2
                 GROUP BY 1, 2""", period)) {
            days.add(new ScanCompliance.Day(r[0].toString(), ((Date) r[1]).toLocalDate(), count(r[2]), count(r[3]), count(r[4])));
        }
        return ScanCompliance.of(period, zone(), days);
    }

    /** The period's provision records, read by {@code reader}: they name every patient dosed, so the read is audited. */
    @Transactional
    public RegulatoryExport regulatory(ReportPeriod period, String reader) {
        List<RegulatoryExport.Dose> doses = rows("""
                SELECT a.id, a.kind, a.administered_at, a.patient_id,
                       string_agg(DISTINCT p.code, '+' ORDER BY p.code), string_agg(DISTINCT p.name, ' + ' ORDER BY p.name),
                       string_agg(DISTINCT l.lot_number, ' ' ORDER BY l.lot_number), string_agg(DISTINCT c.code, ' ' ORDER BY c.code),
                       count(*), a.route, a.site, a.site_detail, a.volume_ml, a.particles, a.purpose, a.indication, a.physician,
                       a.consent_ref, a.provision_plan_number, a.nurse, bool_and(av.scanned)
                  FROM administration a JOIN administration_vial av ON av.administration_id = a.id
                       JOIN lot l ON l.id = av.lot_id JOIN product p ON p.id = l.product_id JOIN cpc c ON c.id = l.cpc_id
                 WHERE a.administered_at >= ?1 AND a.administered_at < ?2
                 GROUP BY a.id
                 ORDER BY 5, a.route, a.administered_at, a.id""", period).stream()
                .map(r -> new RegulatoryExport.Dose(uuid(r[0]),
                        DoseKind.valueOf(r[1].toString()), instant(r[2]), r[3].toString(), r[4].toString(), r[5].toString(),
                        r[6].toString(), r[7].toString(), (int) count(r[8]), Route.valueOf(r[9].toString()),
                        r[10] == null ? null : InjectionSite.valueOf(r[10].toString()), text(r[11]), (BigDecimal) r[12], count(r[13]),
                        Purpose.valueOf(r[14].toString()), text(r[15]), text(r[16]), text(r[17]), text(r[18]), r[19].toString(),
                        (Boolean) r[20]))
                .toList();
        audit.record(reader, "REGULATORY_EXPORT_READ", "report", "regulatory-export", Json.createObjectBuilder()
                .add("from", period.from().toString()).add("to", period.to().toString()).add("doses", doses.size()).build());
        return RegulatoryExport.of(period, zone(), doses);
    }

    /** Runs a query whose ?1 and ?2 are the period's first and after-last instants, and ?3 (if used) the clinic's zone. */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, ReportPeriod period) {
        var query = em.createNativeQuery(sql)
                .setParameter(1, Timestamp.from(period.start(zone())))
                .setParameter(2, Timestamp.from(period.end(zone())));
        if (sql.contains("?3")) {
            query.setParameter(3, zone().getId());
        }
        return query.getResultList();
    }

    private static long count(Object o) {
        return ((Number) o).longValue();
    }

    private static BigDecimal ml(Object o) {
        return ((BigDecimal) o).setScale(3);
    }
}
