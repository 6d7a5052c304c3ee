package org.exotrace.trace.boundary;

import org.exotrace.trace.control.LotReports.Dose;
import org.exotrace.trace.control.LotReports.LotReport;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The lot report as CSV (RFC 4180): the dose list, one row per vial of the lot used in a dose, after
 * one header row and nothing else, with the lot's identity on every row so that it loads into a
 * spreadsheet as one table. Lines end in CRLF; a field with a comma, a quote or a line break is
 * quoted, its quotes doubled. A text field that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading {@code '} (OWASP's CSV injection rule).
 */
final class LotReportCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8; header=present";

    static final List<String> HEADER = List.of("lotNumber", "productCode", "productName", "gtin", "cpcCode", "cpcName", "lotStatus",
            "administrationId", "kind", "patientId", "administeredAt", "route", "site", "doseVolumeMl", "vialVolumeMl", "nurse",
            "purpose", "serial", "scanned");

    private LotReportCsv() {
    }

    static String render(LotReport report) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER.stream());
        for (Dose d : report.doses()) {
            line(csv, Stream.of(report.lot().lotNumber(), report.lot().productCode(), report.lot().productName(), report.lot().gtin(),
                    report.source().cpcCode(), report.source().cpcName(), report.lot().status(), d.administrationId(), d.kind(),
                    d.patientId(), d.administeredAt(), d.route(), d.site(), plain(d.doseVolumeMl()), plain(d.vialVolumeMl()), d.nurse(),
                    d.purpose(), d.serial(), d.scanned()));
        }
        return csv.toString();
    }

    private static Object plain(BigDecimal ml) {
        return ml == null ? null : ml.toPlainString();
    }

    private static void line(StringBuilder csv, Stream<?> fields) {
        csv.append(fields.map(f -> field(f == null ? null : f.toString())).collect(Collectors.joining(","))).append("\r\n");
    }

    /** One field, quoted when it must be; null is an empty field. */
    static String field(String value) {
        String text = Objects.requireNonNullElse(value, "");
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
