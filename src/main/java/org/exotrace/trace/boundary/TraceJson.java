package org.exotrace.trace.boundary;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.StreamingOutput;
import org.exotrace.trace.control.Traces;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes a {@link TraceResource.TraceView} straight to the response with a JSON-P generator: a lot of
 * 10 000 doses is megabytes of JSON, and reflection-based binding of that many records costs more
 * than the database does. Member names and rules are those of the record under JSON-B (nulls left out).
 */
final class TraceJson implements StreamingOutput {

    /** Made once: {@code Json.createGenerator} looks the provider up again on every call. Also writes the lot report. */
    static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private final TraceResource.TraceView trace;

    TraceJson(TraceResource.TraceView trace) {
        this.trace = trace;
    }

    @Override
    public void write(OutputStream out) {
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            TraceResource.TraceView t = trace;
            g.writeStartObject();
            text(g, "lotNumber", t.lotNumber());
            text(g, "productCode", t.productCode());
            text(g, "productName", t.productName());
            text(g, "cpcCode", t.cpcCode());
            text(g, "status", t.status());
            text(g, "expiresOn", t.expiresOn());
            if (t.recall() != null) {
                g.writeStartObject("recall");
                text(g, "recalledAt", t.recall().recalledAt());
                text(g, "recalledBy", t.recall().recalledBy());
                text(g, "reason", t.recall().reason());
                g.writeEnd();
            }
            g.write("vialCount", t.vialCount()).write("doseCount", t.doseCount()).write("patientCount", t.patientCount())
                    .write("patientsToReach", t.patientsToReach());
            g.writeStartArray("patients");
            for (Traces.Recipient r : t.patients()) {
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
            g.writeStartArray("doses");
            for (Traces.Dose d : t.doses()) {
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
            g.writeEnd();
            g.writeStartArray("vials");
            for (Traces.VialLine v : t.vials()) {
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
            g.writeEnd();
            g.writeStartArray("notifications");
            for (TraceResource.NotificationView n : t.notifications()) {
                g.writeStartObject();
                text(g, "patientId", n.patientId());
                text(g, "channel", n.channel());
                text(g, "outcome", n.outcome());
                text(g, "notifiedAt", n.notifiedAt());
                text(g, "note", n.note());
                text(g, "recordedBy", n.recordedBy());
                text(g, "recordedAt", n.recordedAt());
                g.writeEnd();
            }
            g.writeEnd();
            g.writeEnd();
        }
    }

    /** Enums, dates, instants and ids are written as their ISO or canonical text, as JSON-B does; null is left out. */
    static void text(JsonGenerator g, String name, Object value) {
        if (value != null) {
            g.write(name, value.toString());
        }
    }

    static void number(JsonGenerator g, String name, BigDecimal value) {
        if (value != null) {
            g.write(name, value);
        }
    }
}
