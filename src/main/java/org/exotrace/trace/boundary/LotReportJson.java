package org.exotrace.trace.boundary;

import jakarta.ws.rs.core.StreamingOutput;
import org.exotrace.platform.boundary.JsonMembers;
import org.exotrace.trace.control.LotReports.DoseReader;
import org.exotrace.trace.control.LotReports.Heading;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes the lot report's JSON straight to the response with JSON-P's generator, the doses as they are read: a lot of
 * 20 000 doses is megabytes, and neither they nor the answer are held whole. The JSON is the one JSON-B made of
 * {@link org.exotrace.trace.control.LotReports.LotReport} ({@link JsonMembers}): members in lexicographic order,
 * nulls left out, enums, dates, instants and ids as text, decimals as numbers.
 */
record LotReportJson(Heading head, Doses doses) implements StreamingOutput {

    /** Where the doses come from: the database row by row ({@code LotReports.doses}), or a list in a test. */
    @FunctionalInterface
    interface Doses {
        void each(DoseReader reader) throws IOException;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        JsonMembers.write(out, g -> JsonMembers.record(g, null, head.with(List.of()), Map.of("doses", doseList -> {
            g.writeStartArray("doses");
            doses.each(d -> JsonMembers.object(g, null, "administeredAt", d.administeredAt(), "administrationId", d.administrationId(),
                    "doseVolumeMl", d.doseVolumeMl(), "kind", d.kind(), "nurse", d.nurse(), "patientId", d.patientId(), "purpose",
                    d.purpose(), "route", d.route(), "scanned", d.scanned(), "serial", d.serial(), "site", d.site(), "vialVolumeMl",
                    d.vialVolumeMl(), "corrects", d.corrects()));
            g.writeEnd();
        })));
    }
}
