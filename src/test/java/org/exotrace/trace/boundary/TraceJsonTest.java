package org.exotrace.trace.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.DoseLine;
import org.exotrace.bedside.entity.InjectionSite;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.catalog.entity.Route;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.control.Reads;
import org.exotrace.trace.control.Traces;
import org.exotrace.trace.entity.NotificationChannel;
import org.exotrace.trace.entity.NotificationOutcome;
import org.exotrace.trace.entity.RecallNotification;
import org.exotrace.vial.entity.MovementKind;
import org.exotrace.vial.entity.VialState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forward trace and its notification list as written while the rows are read (no database: the rows are lists). */
class TraceJsonTest {

    static final UUID LOT = UUID.nameUUIDFromBytes("lot".getBytes());
    static final Instant T0 = Instant.parse("2026-11-25T01:30:00Z");

    static DoseLine dose(String patient, String serial, Instant at) {
        return new DoseLine(UUID.nameUUIDFromBytes(("dose " + serial).getBytes()), DoseKind.ADMINISTERED, patient, at, Route.INJECTION,
                InjectionSite.FACE, null, "nurse-1", Purpose.WELLNESS, UUID.nameUUIDFromBytes(serial.getBytes()), serial, 0, true,
                new BigDecimal("2.000"), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static final List<DoseLine> DOSES = List.of(
            dose("P-A", "S2", T0),
            dose("P-B", "S3", T0.plusSeconds(60)),
            dose("P-A", "S4", Instant.parse("2026-11-26T09:15:30.123456Z")));

    static final List<Traces.VialLine> VIALS = List.of(
            new Traces.VialLine(UUID.nameUUIDFromBytes("S0".getBytes()), "S0", VialState.IN_STOCK, "FREEZER-2",
                    List.of(new Traces.Movement(1, MovementKind.RECEIVED, null, "FREEZER-1", VialState.IN_STOCK, null, T0, "inv-sato"),
                            new Traces.Movement(7, MovementKind.MOVED, "FREEZER-1", "FREEZER-2", VialState.IN_STOCK, null, T0, "inv-sato"))),
            new Traces.VialLine(UUID.nameUUIDFromBytes("S2".getBytes()), "S2", VialState.ADMINISTERED, null, List.of()));

    static Traces.TraceHead head(LotStatus status, List<RecallNotification> notifications) {
        return new Traces.TraceHead(LOT, "NFC2611A", "MAXNFC-2", "max \"NFC\" 2cc", "CPC-TOKYO-1", status, LocalDate.parse("2027-05-31"),
                Optional.empty(), notifications, List.of());
    }

    static RecallNotification told(String patient, NotificationOutcome outcome, int minute) {
        return new RecallNotification(LOT, patient, NotificationChannel.PHONE, outcome, T0.plusSeconds(86_400 + 60L * minute), null,
                "qa-ito", T0.plusSeconds(2 * 86_400));
    }

    /** The rows as {@code Traces.snapshot} hands them over, from lists (the vials as given, with or without history). */
    static TraceJson.Rows rows(List<DoseLine> doses, List<Traces.VialLine> vials) {
        return reader -> reader.read(new Traces.Snapshot() {
            @Override
            public void doses(Reads.Sink<DoseLine> sink) throws IOException {
                for (DoseLine d : doses) {
                    sink.accept(d);
                }
            }

            @Override
            public void vials(Reads.Sink<Traces.VialLine> sink) throws IOException {
                for (Traces.VialLine v : vials) {
                    sink.accept(v);
                }
            }
        });
    }

    static JsonObject trace(Traces.TraceHead head, TraceJson.Rows rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TraceJson(head, rows).write(out);
        return Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();
    }

    @Test
    void patientsAndCountsAreTalliedFromTheDosesAsTheyPass() throws IOException {
        JsonObject t = trace(head(LotStatus.RECALLED, List.of(told("P-B", NotificationOutcome.NOT_REACHED, 0),
                told("P-B", NotificationOutcome.REACHED, 5))), rows(DOSES, VIALS));
        assertEquals(3, t.getInt("doseCount"));
        assertEquals(2, t.getInt("vialCount"));
        assertEquals(2, t.getInt("patientCount"));
        assertEquals(1, t.getInt("patientsToReach"), "P-A is still to reach; P-B was reached on the second call");
        JsonArray patients = t.getJsonArray("patients");
        assertEquals("P-A", patients.getJsonObject(0).getString("patientId"), "in the order of each patient's first dose");
        assertEquals(2, patients.getJsonObject(0).getInt("vials"));
        assertEquals("2026-11-26T09:15:30.123456Z", patients.getJsonObject(0).getString("lastDoseAt"));
        assertFalse(patients.getJsonObject(0).getBoolean("reached"));
        assertFalse(patients.getJsonObject(0).containsKey("lastOutcome"), "nulls are left out");
        JsonObject b = patients.getJsonObject(1);
        assertEquals(2, b.getInt("attempts"));
        assertTrue(b.getBoolean("reached"));
        assertEquals("REACHED", b.getString("lastOutcome"));
        assertEquals("2026-11-26T01:35:00Z", b.getString("lastAttemptAt"));
        assertEquals(2, t.getJsonArray("notifications").size());
        assertEquals("max \"NFC\" 2cc", t.getString("productName"));
    }

    @Test
    void eachDoseAndVialIsWrittenWithTheMembersOfTheRecord() throws IOException {
        JsonObject t = trace(head(LotStatus.RELEASED, List.of()), rows(DOSES, VIALS));
        JsonObject dose = t.getJsonArray("doses").getJsonObject(2);
        assertEquals(DOSES.get(2).administrationId().toString(), dose.getString("administrationId"));
        assertEquals("2026-11-26T09:15:30.123456Z", dose.getString("administeredAt"));
        assertEquals(new BigDecimal("2.000"), dose.getJsonNumber("volumeMl").bigDecimalValue());
        assertEquals("FACE", dose.getString("site"));
        assertFalse(dose.containsKey("siteDetail"));
        assertTrue(dose.getBoolean("scanned"));
        JsonArray history = t.getJsonArray("vials").getJsonObject(0).getJsonArray("history");
        assertEquals(List.of("RECEIVED", "MOVED"), history.stream().map(m -> m.asJsonObject().getString("kind")).toList());
        assertFalse(history.getJsonObject(0).containsKey("from"));
        assertFalse(t.getJsonArray("vials").getJsonObject(1).containsKey("location"), "an administered vial is nowhere");
        assertEquals(0, t.getInt("patientsToReach"), "nobody is to reach while the lot is not recalled");
        assertFalse(t.containsKey("recall"));
    }

    @Test
    void aLotWithoutDosesOrVialsHasEmptyListsAndZeroCounts() throws IOException {
        JsonObject t = trace(head(LotStatus.QUARANTINED, List.of()), rows(List.of(), List.of()));
        assertEquals(List.of(), t.getJsonArray("doses"));
        assertEquals(List.of(), t.getJsonArray("vials"));
        assertEquals(List.of(), t.getJsonArray("patients"));
        assertEquals(0, t.getInt("doseCount") + t.getInt("vialCount") + t.getInt("patientCount"));
    }

    @Test
    void aFailedReadEndsTheAnswerWithTheFailure() {
        IOException gone = new IOException("client went away");
        IOException thrown = assertThrows(IOException.class, () -> new TraceJson(head(LotStatus.RELEASED, List.of()),
                reader -> {
                    throw gone;
                }).write(new ByteArrayOutputStream()));
        assertSame(gone, thrown);
    }

    @Test
    void theNotificationListHasOneRowPerDoseWithThePatientsFollowUp() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TraceCsv(head(LotStatus.RECALLED, List.of(told("P-B", NotificationOutcome.REACHED, 0))), rows(DOSES, VIALS)).write(out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(String.join(",", TraceCsv.HEADER), lines.get(0));
        assertEquals(4, lines.size());
        assertEquals("NFC2611A,MAXNFC-2,P-A,2026-11-25T01:30:00Z,ADMINISTERED,INJECTION,FACE,2.000,nurse-1,WELLNESS,S2,"
                + DOSES.get(0).vialId() + "," + DOSES.get(0).administrationId() + ",true,false,,", lines.get(1));
        assertTrue(lines.get(2).endsWith(",true,true,2026-11-26T01:30:00Z,REACHED"), lines.get(2));
    }
}
