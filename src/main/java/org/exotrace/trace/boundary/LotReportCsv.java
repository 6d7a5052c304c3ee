package org.exotrace.trace.boundary;

import org.exotrace.platform.boundary.Csv;
import org.exotrace.trace.control.LotReports.Dose;
import org.exotrace.trace.control.LotReports.LotReport;

import java.math.BigDecimal;
import java.util.List;

/**
 * The lot report as CSV (RFC 4180, written by {@link Csv}): the dose list, one row per vial of the
 * lot used in a dose, after one header row and nothing else, with the lot's identity on every row so
 * that it loads into a spreadsheet as one table.
 */
final class LotReportCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8; header=present";

    static final List<String> HEADER = List.of("lotNumber", "productCode", "productName", "gtin", "cpcCode", "cpcName", "lotStatus",
            "administrationId", "kind", "patientId", "administeredAt", "route", "site", "doseVolumeMl", "vialVolumeMl", "nurse",
            "purpose", "serial", "scanned");

    private LotReportCsv() {
    }

    static String render(LotReport report) {
        Csv csv = new Csv().row(HEADER);
        for (Dose d : report.doses()) {
            csv.row(report.lot().lotNumber(), report.lot().productCode(), report.lot().productName(), report.lot().gtin(),
                    report.source().cpcCode(), report.source().cpcName(), report.lot().status(), d.administrationId(), d.kind(),
                    d.patientId(), d.administeredAt(), d.route(), d.site(), plain(d.doseVolumeMl()), plain(d.vialVolumeMl()), d.nurse(),
                    d.purpose(), d.serial(), d.scanned());
        }
        return csv.toString();
    }

    private static String plain(BigDecimal ml) {
        return ml == null ? null : ml.toPlainString();
    }
}
