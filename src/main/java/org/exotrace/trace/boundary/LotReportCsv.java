package org.exotrace.trace.boundary;

import jakarta.ws.rs.core.StreamingOutput;
import org.exotrace.platform.boundary.Csv;
import org.exotrace.trace.control.Traces;
import org.exotrace.trace.control.LotReports.Heading;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The lot report as CSV (RFC 4180, rows made by {@link Csv}): the dose list, one row per vial of the
 * lot used in a dose that stands ({@code corrects} names the dose a replacement stands for), then one row per vial of a
 * corrected dose ({@code correction} VOID or REPLACE, with {@code replacedBy}, {@code correctedAt} and
 * {@code correctionReason}; the dose's other columns empty), after one header row and nothing else, with the lot's
 * identity on every row so that it loads into a spreadsheet as one table. Written to the response row by row as the
 * doses are read.
 */
record LotReportCsv(Heading head, LotReportJson.Doses doses) implements StreamingOutput {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8; header=present";

    static final List<String> HEADER = List.of("lotNumber", "productCode", "productName", "gtin", "cpcCode", "cpcName", "lotStatus",
            "administrationId", "kind", "patientId", "administeredAt", "route", "site", "doseVolumeMl", "vialVolumeMl", "nurse",
            "purpose", "serial", "scanned", "corrects", "correction", "replacedBy", "correctedAt", "correctionReason");

    @Override
    public void write(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(Csv.line(HEADER));
        Heading r = head;
        doses.each(d -> w.write(Csv.line(Arrays.asList(r.lot().lotNumber(), r.lot().productCode(), r.lot().productName(),
                r.lot().gtin(), r.source().cpcCode(), r.source().cpcName(), r.lot().status(), d.administrationId(), d.kind(),
                d.patientId(), d.administeredAt(), d.route(), d.site(), plain(d.doseVolumeMl()), plain(d.vialVolumeMl()), d.nurse(),
                d.purpose(), d.serial(), d.scanned(), d.corrects(), null, null, null, null))));
        for (Traces.CorrectedDose c : r.corrections()) {
            w.write(Csv.line(Arrays.asList(r.lot().lotNumber(), r.lot().productCode(), r.lot().productName(), r.lot().gtin(),
                    r.source().cpcCode(), r.source().cpcName(), r.lot().status(), c.administrationId(), null, c.patientId(), null, null, null,
                    null, null, null, null, c.serial(), null, null, c.correction(), c.replacedBy(), c.correctedAt(), c.reason())));
        }
        w.flush();
    }

    private static String plain(BigDecimal ml) {
        return ml == null ? null : ml.toPlainString();
    }
}
