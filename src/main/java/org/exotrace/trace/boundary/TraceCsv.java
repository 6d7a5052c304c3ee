package org.exotrace.trace.boundary;

import jakarta.ws.rs.core.StreamingOutput;
import org.exotrace.platform.boundary.Csv;
import org.exotrace.trace.control.Traces;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The recall notification list (RFC 4180, rows made by {@link Csv}): one row per dose and vial of the lot,
 * with whether the patient has been reached, written to the response row by row as the doses are read.
 */
record TraceCsv(Traces.TraceHead head, TraceJson.Rows rows) implements StreamingOutput {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    static final List<String> HEADER = List.of("lotNumber", "productCode", "patientId", "administeredAt", "kind", "route", "site",
            "volumeMl", "nurse", "purpose", "serial", "vialId", "administrationId", "scanned", "reached", "lastAttemptAt", "lastOutcome");

    @Override
    public void write(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(Csv.line(HEADER));
        Map<String, Traces.Recipient> followUp = Traces.Recipients.followUp(head.notifications());
        Traces.Recipient none = Traces.Recipients.recipient("", 0, null, List.of());
        rows.read(snapshot -> snapshot.doses(d -> {
            Traces.Recipient r = followUp.getOrDefault(d.patientId(), none);
            w.write(Csv.line(Arrays.asList(head.lotNumber(), head.productCode(), d.patientId(), d.administeredAt(), d.kind(), d.route(),
                    d.site(), d.vialVolumeMl(), d.nurse(), d.purpose(), d.serial(), d.vialId(), d.administrationId(), d.scanned(), r.reached(),
                    r.lastAttemptAt(), r.lastOutcome())));
        }));
        w.flush();
    }
}
