package org.exotrace.trace.boundary;

import jakarta.ws.rs.core.StreamingOutput;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.boundary.JsonStream;
import org.exotrace.platform.boundary.JsonStream.Name;
import org.exotrace.trace.control.Traces;
import org.exotrace.trace.entity.RecallNotification;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the forward trace ({@link TraceResource.TraceView}'s members) straight to the response with a
 * {@link JsonStream}, each dose and vial as it is read from the database: a lot of 10 000 doses is megabytes of JSON,
 * and reading it whole before writing it doubled the wait (docs/BENCHMARKS.md). The patients and the counts are
 * tallied from the doses as they pass, so they come after the lists; members and rules are otherwise those of
 * the record under JSON-B (nulls left out, enums, instants and ids as text).
 */
final class TraceJson implements StreamingOutput {

    /** Where the doses and vials come from: the database ({@code Traces.snapshot}), or lists in a test. */
    @FunctionalInterface
    interface Rows {
        void read(Traces.SnapshotReader reader) throws IOException;
    }

    private final Traces.TraceHead head;
    private final Rows rows;

    TraceJson(Traces.TraceHead head, Rows rows) {
        this.head = head;
        this.rows = rows;
    }

    private static final Name LOT_NUMBER = Name.of("lotNumber");
    private static final Name PRODUCT_CODE = Name.of("productCode");
    private static final Name PRODUCT_NAME = Name.of("productName");
    private static final Name CPC_CODE = Name.of("cpcCode");
    private static final Name STATUS = Name.of("status");
    private static final Name EXPIRES_ON = Name.of("expiresOn");
    private static final Name RECALL = Name.of("recall");
    private static final Name RECALLED_AT = Name.of("recalledAt");
    private static final Name RECALLED_BY = Name.of("recalledBy");
    private static final Name REASON = Name.of("reason");
    private static final Name DOSES = Name.of("doses");
    private static final Name VIALS = Name.of("vials");
    private static final Name PATIENTS = Name.of("patients");
    private static final Name PATIENT_ID = Name.of("patientId");
    private static final Name LAST_DOSE_AT = Name.of("lastDoseAt");
    private static final Name ATTEMPTS = Name.of("attempts");
    private static final Name LAST_ATTEMPT_AT = Name.of("lastAttemptAt");
    private static final Name LAST_OUTCOME = Name.of("lastOutcome");
    private static final Name REACHED = Name.of("reached");
    private static final Name NOTIFICATIONS = Name.of("notifications");
    private static final Name CHANNEL = Name.of("channel");
    private static final Name OUTCOME = Name.of("outcome");
    private static final Name NOTIFIED_AT = Name.of("notifiedAt");
    private static final Name NOTE = Name.of("note");
    private static final Name RECORDED_BY = Name.of("recordedBy");
    private static final Name RECORDED_AT = Name.of("recordedAt");
    private static final Name VIAL_COUNT = Name.of("vialCount");
    private static final Name DOSE_COUNT = Name.of("doseCount");
    private static final Name PATIENT_COUNT = Name.of("patientCount");
    private static final Name PATIENTS_TO_REACH = Name.of("patientsToReach");
    private static final Name ADMINISTRATION_ID = Name.of("administrationId");
    private static final Name KIND = Name.of("kind");
    private static final Name ADMINISTERED_AT = Name.of("administeredAt");
    private static final Name ROUTE = Name.of("route");
    private static final Name SITE = Name.of("site");
    private static final Name SITE_DETAIL = Name.of("siteDetail");
    private static final Name VOLUME_ML = Name.of("volumeMl");
    private static final Name NURSE = Name.of("nurse");
    private static final Name PURPOSE = Name.of("purpose");
    private static final Name VIAL_ID = Name.of("vialId");
    private static final Name SERIAL = Name.of("serial");
    private static final Name SCANNED = Name.of("scanned");
    private static final Name STATE = Name.of("state");
    private static final Name LOCATION = Name.of("location");
    private static final Name HISTORY = Name.of("history");
    private static final Name SEQ = Name.of("seq");
    private static final Name FROM = Name.of("from");
    private static final Name TO = Name.of("to");
    private static final Name STATE_AFTER = Name.of("stateAfter");
    private static final Name AT = Name.of("at");
    private static final Name ACTOR = Name.of("actor");

    @Override
    public void write(OutputStream out) throws IOException {
        try (JsonStream g = new JsonStream(out)) {
            Traces.TraceHead h = head;
            g.startObject();
            g.text(LOT_NUMBER, h.lotNumber()).text(PRODUCT_CODE, h.productCode()).text(PRODUCT_NAME, h.productName())
                    .text(CPC_CODE, h.cpcCode()).text(STATUS, h.status()).text(EXPIRES_ON, h.expiresOn());
            if (h.recall().isPresent()) {
                var d = h.recall().get();
                g.startObject(RECALL).text(RECALLED_AT, d.decidedAt()).text(RECALLED_BY, d.decidedBy()).text(REASON, d.reason()).end();
            }
            Traces.Recipients recipients = new Traces.Recipients();
            int[] vials = {0};
            rows.read(snapshot -> {
                g.startArray(DOSES);
                snapshot.doses(d -> {
                    recipients.add(d);
                    dose(g, d);
                });
                g.end();
                g.startArray(VIALS);
                snapshot.vials(v -> {
                    vials[0]++;
                    vial(g, v);
                });
                g.end();
            });
            List<Traces.Recipient> patients = recipients.list(h.notifications());
            g.startArray(PATIENTS);
            for (Traces.Recipient r : patients) {
                g.startObject().text(PATIENT_ID, r.patientId()).number(VIALS, r.vials()).text(LAST_DOSE_AT, r.lastDoseAt())
                        .number(ATTEMPTS, r.attempts()).text(LAST_ATTEMPT_AT, r.lastAttemptAt()).text(LAST_OUTCOME, r.lastOutcome())
                        .bool(REACHED, r.reached()).end();
            }
            g.end();
            g.startArray(NOTIFICATIONS);
            for (RecallNotification n : h.notifications()) {
                g.startObject().text(PATIENT_ID, n.patientId()).text(CHANNEL, n.channel()).text(OUTCOME, n.outcome())
                        .text(NOTIFIED_AT, n.notifiedAt()).text(NOTE, n.note().orElse(null)).text(RECORDED_BY, n.recordedBy())
                        .text(RECORDED_AT, n.recordedAt()).end();
            }
            g.end();
            long toReach = h.status() == LotStatus.RECALLED ? patients.stream().filter(r -> !r.reached()).count() : 0;
            g.number(VIAL_COUNT, vials[0]).number(DOSE_COUNT, recipients.doses()).number(PATIENT_COUNT, patients.size())
                    .number(PATIENTS_TO_REACH, toReach);
            g.end();
        }
    }

    private static void dose(JsonStream g, Traces.Dose d) throws IOException {
        g.startObject().text(ADMINISTRATION_ID, d.administrationId()).text(KIND, d.kind()).text(PATIENT_ID, d.patientId())
                .text(ADMINISTERED_AT, d.administeredAt()).text(ROUTE, d.route()).text(SITE, d.site()).text(SITE_DETAIL, d.siteDetail())
                .number(VOLUME_ML, d.volumeMl()).text(NURSE, d.nurse()).text(PURPOSE, d.purpose()).text(VIAL_ID, d.vialId())
                .text(SERIAL, d.serial()).bool(SCANNED, d.scanned()).end();
    }

    private static void vial(JsonStream g, Traces.VialLine v) throws IOException {
        g.startObject().text(VIAL_ID, v.vialId()).text(SERIAL, v.serial()).text(STATE, v.state()).text(LOCATION, v.location());
        g.startArray(HISTORY);
        for (Traces.Movement m : v.history()) {
            g.startObject().number(SEQ, m.seq()).text(KIND, m.kind()).text(FROM, m.from()).text(TO, m.to())
                    .text(STATE_AFTER, m.stateAfter()).text(REASON, m.reason()).text(AT, m.at()).text(ACTOR, m.actor()).end();
        }
        g.end();
        g.end();
    }
}
