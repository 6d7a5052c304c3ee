package org.exotrace.trace.boundary;

import jakarta.ws.rs.core.StreamingOutput;
import org.exotrace.platform.boundary.Csv;
import org.exotrace.trace.control.Traces;
import org.exotrace.trace.control.LotReports.ExcursionDisposition;
import org.exotrace.trace.control.LotReports.Heading;
import org.exotrace.trace.control.LotReports.LotExcursion;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The lot report as CSV (RFC 4180, rows made by {@link Csv}): the dose list, one row per vial of the
 * lot used in a dose that stands ({@code corrects} names the dose a replacement stands for), then one row per vial of a
 * corrected dose ({@code correction} VOID or REPLACE, with {@code replacedBy}, {@code correctedAt} and
 * {@code correctionReason}; the dose's other columns empty), then one row per temperature excursion the lot's vials lived
 * through and QA's disposition of them ({@code excursionPlace} to {@code dispositionSignedAt}; an excursion without one has
 * one row with the disposition columns empty, one with two has two rows), after one header row and nothing else, with the lot's
 * identity on every row so that it loads into a spreadsheet as one table. Written to the response row by row as the
 * doses are read.
 */
record LotReportCsv(Heading head, LotReportJson.Doses doses) implements StreamingOutput {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8; header=present";

    static final List<String> HEADER = List.of("lotNumber", "productCode", "productName", "gtin", "cpcCode", "cpcName", "lotStatus",
            "administrationId", "kind", "patientId", "administeredAt", "route", "site", "doseVolumeMl", "vialVolumeMl", "nurse",
            "purpose", "serial", "scanned", "corrects", "correction", "replacedBy", "correctedAt", "correctionReason", "excursionPlace",
            "excursionPlaceName", "placeMinC", "placeMaxC", "excursionKind", "excursionStartedAt", "excursionEndedAt", "excursionOpen",
            "excursionMinutes", "lowestC", "highestC", "heldVials", "stillHeld", "disposition", "dispositionVials", "dispositionJustification",
            "dispositionSignedBy", "dispositionSignedAt");

    /** The empty cells of the columns a row does not use. */
    private static final List<Object> NO_DOSE = Collections.nCopies(13, null);
    private static final List<Object> NO_CORRECTION = Collections.nCopies(4, null);
    private static final List<Object> NO_EXCURSION = Collections.nCopies(18, null);
    private static final List<Object> NO_DISPOSITION = Collections.nCopies(5, null);

    @Override
    public void write(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(Csv.line(HEADER));
        Heading r = head;
        List<Object> lot = Arrays.asList(r.lot().lotNumber(), r.lot().productCode(), r.lot().productName(), r.lot().gtin(),
                r.source().cpcCode(), r.source().cpcName(), r.lot().status());
        doses.each(d -> w.write(Csv.line(row(lot, Arrays.asList(d.administrationId(), d.kind(), d.patientId(), d.administeredAt(), d.route(),
                d.site(), plain(d.doseVolumeMl()), plain(d.vialVolumeMl()), d.nurse(), d.purpose(), d.serial(), d.scanned(), d.corrects()),
                NO_CORRECTION, NO_EXCURSION))));
        for (Traces.CorrectedDose c : r.corrections()) {
            w.write(Csv.line(row(lot, Arrays.asList(c.administrationId(), null, c.patientId(), null, null, null, null, null, null, null,
                    c.serial(), null, null), Arrays.asList(c.correction(), c.replacedBy(), c.correctedAt(), c.reason()), NO_EXCURSION)));
        }
        for (LotExcursion e : r.excursions()) {
            List<Object> excursion = Arrays.asList(e.placeCode(), e.placeName(), plain(e.minC()), plain(e.maxC()), e.kind(), e.startedAt(),
                    e.endedAt(), e.open(), e.minutes(), plain(e.lowestC()), plain(e.highestC()), e.heldVials(), e.stillHeld());
            if (e.dispositions().isEmpty()) {
                w.write(Csv.line(row(lot, NO_DOSE, NO_CORRECTION, row(excursion, NO_DISPOSITION))));
            }
            for (ExcursionDisposition d : e.dispositions()) {
                w.write(Csv.line(row(lot, NO_DOSE, NO_CORRECTION, row(excursion, Arrays.asList(d.decision(), d.vials(),
                        d.justification(), d.signedBy(), d.signedAt())))));
            }
        }
        w.flush();
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    @SafeVarargs
    private static List<Object> row(List<Object>... parts) {
        List<Object> row = new ArrayList<>(HEADER.size());
        for (List<Object> part : parts) {
            row.addAll(part);
        }
        return row;
    }
}
