package org.exotrace.trace.boundary;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.StreamingOutput;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.boundary.Instants;
import org.exotrace.trace.control.Traces;
import org.exotrace.trace.entity.RecallNotification;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes the forward trace ({@link TraceResource.TraceView}'s members) straight to the response with a JSON-P
 * generator, each dose and vial as it is read from the database: a lot of 10 000 doses is megabytes of JSON,
 * and reading it whole before writing it doubled the wait (docs/BENCHMARKS.md). The patients and the counts are
 * tallied from the doses as they pass, so they come after the lists; members and rules are otherwise those of
 * the record under JSON-B (nulls left out, enums, instants and ids as text).
 */
final class TraceJson implements StreamingOutput {

    /** Made once: {@code Json.createGenerator} looks the provider up again on every call. Also writes the lot report. */
    static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    /** Where the doses and vials come from: the database ({@code Traces.snapshot}), or lists in a test. */
    @FunctionalInterface
    interface Rows {
        void read(Traces.SnapshotReader reader) throws IOException;
    }

    private final Traces.TraceHead head;
    private final boolean history;
    private final Rows rows;

    TraceJson(Traces.TraceHead head, boolean history, Rows rows) {
        this.head = head;
        this.history = history;
        this.rows = rows;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            Traces.TraceHead h = head;
            g.writeStartObject();
            text(g, "lotNumber", h.lotNumber());
            text(g, "productCode", h.productCode());
            text(g, "productName", h.productName());
            text(g, "cpcCode", h.cpcCode());
            text(g, "status", h.status());
            text(g, "expiresOn", h.expiresOn());
            h.recall().ifPresent(d -> {
                g.writeStartObject("recall");
                text(g, "recalledAt", d.decidedAt());
                text(g, "recalledBy", d.decidedBy());
                text(g, "reason", d.reason());
                g.writeEnd();
            });
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
                snapshot.vials(history, v -> {
                    vials[0]++;
                    vial(g, v);
                });
                g.writeEnd();
            });
            List<Traces.Recipient> patients = recipients.list(h.notifications());
            g.writeStartArray("patients");
            for (Traces.Recipient r : patients) {
                g.writeStartObject();
                text(g, "patientId", r.patientId());
                g.write("vials", r.vials());
                text(g, "lastDoseAt", r.lastDoseAt());
                g.write("attempts", r.attempts());
                text(g, "lastAttemptAt", r.lastAttemptAt());
                text(g, "lastOutcome", r.lastOutcome());
                g.write("reached", r.reached());
                g.writeEnd();
            }
            g.writeEnd();
            g.writeStartArray("notifications");
            for (RecallNotification n : h.notifications()) {
                g.writeStartObject();
                text(g, "patientId", n.patientId());
                text(g, "channel", n.channel());
                text(g, "outcome", n.outcome());
                text(g, "notifiedAt", n.notifiedAt());
                text(g, "note", n.note().orElse(null));
                text(g, "recordedBy", n.recordedBy());
                text(g, "recordedAt", n.recordedAt());
                g.writeEnd();
            }
            g.writeEnd();
            long toReach = h.status() == LotStatus.RECALLED ? patients.stream().filter(r -> !r.reached()).count() : 0;
            g.write("vialCount", vials[0]).write("doseCount", recipients.doses()).write("patientCount", patients.size())
                    .write("patientsToReach", toReach);
            g.writeEnd();
        }
    }

    private static void dose(JsonGenerator g, Traces.Dose d) {
        g.writeStartObject();
        text(g, "administrationId", d.administrationId());
        text(g, "kind", d.kind());
        text(g, "patientId", d.patientId());
        text(g, "administeredAt", d.administeredAt());
        text(g, "route", d.route());
        text(g, "site", d.site());
        text(g, "siteDetail", d.siteDetail());
        number(g, "volumeMl", d.volumeMl());
        text(g, "nurse", d.nurse());
        text(g, "purpose", d.purpose());
        text(g, "vialId", d.vialId());
        text(g, "serial", d.serial());
        g.write("scanned", d.scanned());
        g.writeEnd();
    }

    private static void vial(JsonGenerator g, Traces.VialLine v) {
        g.writeStartObject();
        text(g, "vialId", v.vialId());
        text(g, "serial", v.serial());
        text(g, "state", v.state());
        text(g, "location", v.location());
        g.writeStartArray("history");
        for (Traces.Movement m : v.history()) {
            g.writeStartObject();
            g.write("seq", m.seq());
            text(g, "kind", m.kind());
            text(g, "from", m.from());
            text(g, "to", m.to());
            text(g, "stateAfter", m.stateAfter());
            text(g, "reason", m.reason());
            text(g, "at", m.at());
            text(g, "actor", m.actor());
            g.writeEnd();
        }
        g.writeEnd();
        g.writeEnd();
    }

    /** Enums, dates, instants and ids are written as their ISO or canonical text, as JSON-B does; null is left out. */
    static void text(JsonGenerator g, String name, Object value) {
        if (value instanceof Instant instant) {
            g.write(name, Instants.text(instant));
        } else if (value != null) {
            g.write(name, value.toString());
        }
    }

    static void number(JsonGenerator g, String name, BigDecimal value) {
        if (value != null) {
            g.write(name, value);
        }
    }
}
