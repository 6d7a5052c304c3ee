package org.exotrace.trace.boundary;

import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.StreamingOutput;
import org.exotrace.bedside.entity.DoseLine;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.boundary.JsonMembers;
import org.exotrace.trace.control.Traces;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import static org.exotrace.platform.boundary.JsonMembers.object;
import static org.exotrace.platform.boundary.JsonMembers.value;

/**
 * Writes the forward trace ({@link TraceResource.TraceView}'s members) straight to the response with JSON-P's generator,
 * each dose and vial as it is read from the database: a lot of 10 000 doses is megabytes of JSON, and reading it whole
 * before writing it doubled the wait (docs/BENCHMARKS.md). The patients and the counts are tallied from the doses as they
 * pass, so they come after the lists; members and rules are otherwise those of the record under JSON-B.
 */
record TraceJson(Traces.TraceHead head, Rows rows) implements StreamingOutput {

    /** Where the doses and vials come from: the database ({@code Traces.snapshot}), or lists in a test. */
    @FunctionalInterface
    interface Rows {
        void read(Traces.SnapshotReader reader) throws IOException;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        JsonMembers.write(out, g -> {
            Traces.TraceHead h = head;
            g.writeStartObject();
            value(g, "lotNumber", h.lotNumber());
            value(g, "productCode", h.productCode());
            value(g, "productName", h.productName());
            value(g, "cpcCode", h.cpcCode());
            value(g, "status", h.status());
            value(g, "expiresOn", h.expiresOn());
            if (h.recall().isPresent()) {
                var d = h.recall().get();
                value(g, "recall", new TraceResource.RecallView(d.decidedAt(), d.decidedBy(), d.reason()));
            }
            Traces.Recipients recipients = new Traces.Recipients();
            int[] vials = {0};
            rows.read(snapshot -> {
                g.writeStartArray("doses");
                snapshot.doses(d -> {
                    recipients.add(d);
                    dose(g, d);
                });
                g.writeEnd();
                g.writeStartArray("vials");
                snapshot.vials(v -> {
                    vials[0]++;
                    value(g, null, v);
                });
                g.writeEnd();
            });
            List<Traces.Recipient> patients = recipients.list(h.notifications());
            value(g, "patients", patients);
            value(g, "notifications", h.notifications().stream().map(TraceResource.NotificationView::of).toList());
            value(g, "corrections", h.corrections());
            long toReach = h.status() == LotStatus.RECALLED ? patients.stream().filter(r -> !r.reached()).count() : 0;
            g.write("vialCount", vials[0]).write("doseCount", recipients.doses()).write("patientCount", patients.size())
                    .write("patientsToReach", toReach);
            g.writeEnd();
        });
    }

    private static void dose(JsonGenerator g, DoseLine d) throws IOException {
        object(g, null, "administrationId", d.administrationId(), "kind", d.kind(), "patientId", d.patientId(), "administeredAt",
                d.administeredAt(), "route", d.route(), "site", d.site(), "siteDetail", d.siteDetail(), "volumeMl", d.vialVolumeMl(),
                "nurse", d.nurse(), "purpose", d.purpose(), "vialId", d.vialId(), "serial", d.serial(), "scanned", d.scanned(),
                "corrects", d.corrects());
    }
}
