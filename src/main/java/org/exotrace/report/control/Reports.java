package org.exotrace.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.bedside.entity.DoseLine;
import org.exotrace.platform.control.ReportSource;
import org.exotrace.platform.control.Reads;
import org.exotrace.vial.control.Stock;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * QA's reports. Each is one or two aggregate queries over a period's rows (found by the indexes of
 * {@code V8__report_indexes.sql}); the figures are put together by the plain classes beside this one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Reports {

    /** The read replica, or the primary without one (ADR 0042). */
    @Inject
    ReportSource reports;

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
        List<Wastage.Line> lines = new ArrayList<>(rows(Wastage.Line.class, """
                SELECT m.reason, p.code AS product_code, p.name AS product_name, count(*) AS vials, 0 AS partial_vials,
                       CAST(sum(p.volume_ml) AS numeric(14, 3)) AS ml
                  FROM stock_movement m JOIN vial v ON v.id = m.vial_id JOIN lot l ON l.id = v.lot_id JOIN product p ON p.id = l.product_id
                 WHERE (m.kind = 'WASTED' OR (m.kind = 'COUNT_ADJUSTED' AND m.reason = 'MISSING_AT_COUNT')
                        OR (m.kind = 'REVERSED' AND m.state_after = 'WASTED'))
                   AND NOT EXISTS (SELECT 1 FROM stock_movement r WHERE r.reverses = m.seq)
                   AND m.at >= ? AND m.at < ?
                 GROUP BY m.reason, p.code, p.name""", period));
        lines.addAll(rows(Wastage.Line.class, """
                SELECT 'PARTIAL_USE_REMAINDER' AS reason, p.code AS product_code, p.name AS product_name, 0 AS vials,
                       count(*) AS partial_vials, CAST(sum(av.remainder_ml) AS numeric(14, 3)) AS ml
                  FROM administration a JOIN administration_vial av ON av.administration_id = a.id
                       JOIN lot l ON l.id = av.lot_id JOIN product p ON p.id = l.product_id
                 WHERE a.administered_at >= ? AND a.administered_at < ? AND av.remainder_ml > 0
                   AND %s
                 GROUP BY p.code, p.name""".formatted(DoseLine.STANDS), period));
        return Wastage.of(period, zone(), lines);
    }

    public ScanCompliance scanCompliance(ReportPeriod period) {
        return ScanCompliance.of(period, zone(), Reads.list(reports.dataSource(), ScanCompliance.Day.class, """
                SELECT a.nurse, CAST(a.administered_at AT TIME ZONE ? AS date) AS day, count(DISTINCT a.id) AS doses, count(*) AS vials,
                       count(*) FILTER (WHERE NOT av.scanned) AS unscanned_vials
                  FROM administration a JOIN administration_vial av ON av.administration_id = a.id
                 WHERE a.administered_at >= ? AND a.administered_at < ?
                   AND %s
                 GROUP BY 1, 2""".formatted(DoseLine.STANDS), zone().getId(), Timestamp.from(period.start(zone())), Timestamp.from(period.end(zone()))));
    }

    /** The period's provision records, read by {@code reader}: they name every patient dosed, so the read is audited. */
    @Transactional
    public RegulatoryExport regulatory(ReportPeriod period, String reader) {
        List<RegulatoryExport.Dose> doses = rows(RegulatoryExport.Dose.class, """
                SELECT a.id AS administration_id, a.kind, a.administered_at, a.patient_id,
                       string_agg(DISTINCT p.code, '+' ORDER BY p.code) AS product_code,
                       string_agg(DISTINCT p.name, ' + ' ORDER BY p.name) AS product_name,
                       string_agg(DISTINCT l.lot_number, ' ' ORDER BY l.lot_number) AS lot_numbers,
                       string_agg(DISTINCT c.code, ' ' ORDER BY c.code) AS cpc_codes,
                       count(*) AS vials, a.route, a.site, a.site_detail, a.volume_ml, a.particles, a.purpose, a.indication, a.physician,
                       a.consent_ref, a.provision_plan_number, a.nurse, bool_and(av.scanned) AS scanned,
                       (SELECT rc.corrected_id FROM dose_correction rc WHERE rc.replacement_id = a.id) AS corrects,
                       (WITH RECURSIVE chain(id) AS (
                             SELECT rc.corrected_id FROM dose_correction rc WHERE rc.replacement_id = a.id
                             UNION ALL SELECT rc.corrected_id FROM dose_correction rc JOIN chain ON rc.replacement_id = chain.id)
                        SELECT count(*) FROM chain) AS corrections
                  FROM administration a JOIN administration_vial av ON av.administration_id = a.id
                       JOIN lot l ON l.id = av.lot_id JOIN product p ON p.id = l.product_id JOIN cpc c ON c.id = l.cpc_id
                 WHERE a.administered_at >= ? AND a.administered_at < ?
                   AND %s
                 GROUP BY a.id
                 ORDER BY 5, a.route, a.administered_at, a.id""".formatted(DoseLine.STANDS), period);
        audit.record(reader, "REGULATORY_EXPORT_READ", "report", "regulatory-export", Json.createObjectBuilder()
                .add("from", period.from().toString()).add("to", period.to().toString()).add("doses", doses.size()).build());
        return RegulatoryExport.of(period, zone(), doses);
    }

    /** The rows, by column name, of a query whose two parameters are the period's first and after-last instants. */
    private <T> List<T> rows(Class<T> type, String sql, ReportPeriod period) {
        return Reads.list(reports.dataSource(), type, sql, Timestamp.from(period.start(zone())), Timestamp.from(period.end(zone())));
    }
}
