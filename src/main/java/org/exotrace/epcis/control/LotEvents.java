package org.exotrace.epcis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Lot;
import org.exotrace.platform.control.Reads;
import org.exotrace.platform.control.ReportSource;
import org.exotrace.platform.error.DomainError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A lot's life as EPCIS 2.0 ObjectEvents, written to a JSON-P generator as they are read: ledger rows that share
 * one moment, kind, place and actor (a receipt of 10 000 vials, the vials of one drip) are grouped by PostgreSQL
 * into one event, and QA's decisions are merged in by time. Nothing of the lot is held in memory but the EPCs of
 * one event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LotEvents {

    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    /** The read replica, or the primary without one (ADR 0042). */
    @Inject
    ReportSource reports;

    @Inject
    Lots lots;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "exotrace.epcis.company-prefix-length", defaultValue = "7")
    int companyPrefixLength;

    @Inject
    @ConfigProperty(name = ClinicLocations.KEY)
    Optional<String> clinicGln;

    /** The key's older name, read when {@code exotrace.clinic.gln} is unset. */
    @Inject
    @ConfigProperty(name = "exotrace.epcis.gln")
    Optional<String> olderGln;

    @Inject
    @ConfigProperty(name = "exotrace.clinic.time-zone", defaultValue = "Asia/Tokyo")
    String timeZone;

    /** What the events of a lot are written from: read once, before the stream starts. */
    public record LotIdentity(UUID id, String lotNumber, String productCode, String gtin, java.time.LocalDate expiresOn) {
    }

    /**
     * The lot, read by {@code reader}: audited as {@code LOT_EPCIS_READ} (subject the lot) in its own short
     * transaction, committed before the first byte of the document is written.
     */
    @Transactional
    public LotIdentity open(String lotNumber, String productCode, String reader) {
        Lot lot = lots.find(lotNumber, productCode).orElseThrow(() -> DomainError.notFound("lot", lotNumber));
        audit.record(reader, "LOT_EPCIS_READ", "lot", lot.lotNumber(), Json.createObjectBuilder()
                .add("product", lot.product().code()).build());
        return new LotIdentity(lot.id(), lot.lotNumber(), lot.product().code(), lot.product().gtin().value(), lot.expiresOn());
    }

    /** A GLN that is not one stops the deployment, as a wrong setting should, not the first EPCIS read. */
    void checkConfiguration(@Observes @Initialized(ApplicationScoped.class) Object application) {
        locations(new EpcUris(companyPrefixLength));
    }

    private ClinicLocations locations(EpcUris uris) {
        return ClinicLocations.of(clinicGln.filter(s -> !s.isBlank()).or(() -> olderGln), uris);
    }

    /** Writes the EPCISDocument of the lot. */
    @Transactional
    public void write(LotIdentity lot, JsonGenerator g) {
        EpcUris uris = new EpcUris(companyPrefixLength);
        ZoneId zone = ZoneId.of(timeZone);
        ClinicLocations places = locations(uris);
        g.writeStartObject();
        g.writeStartArray("@context").write(CONTEXT).writeEnd();
        g.write("type", "EPCISDocument");
        g.write("schemaVersion", "2.0");
        g.write("creationDate", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        masterData(g, lot, uris);
        g.writeStartObject("epcisBody");
        g.writeStartArray("eventList");
        try {
            Reads.on(reports.dataSource(), Connection.TRANSACTION_REPEATABLE_READ, c -> events(g, c, lot, uris, zone, places));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the generator writes to the response's stream, which throws its own
        }
        g.writeEnd().writeEnd().writeEnd();
    }

    /** The lot's ledger events, QA's decisions merged in by time, read on {@code c} in one snapshot. */
    private void events(JsonGenerator g, Connection c, LotIdentity lot, EpcUris uris, ZoneId zone, ClinicLocations places)
            throws SQLException {
        Iterator<Decision> decisions = decisions(c, lot.id()).iterator();
        Decision next = decisions.hasNext() ? decisions.next() : null;
        try (PreparedStatement st = c.prepareStatement(LEDGER_EVENTS)) {
            st.setObject(1, lot.id());
            st.setFetchSize(500);
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    Instant at = r.getTimestamp(2).toInstant();
                    while (next != null && next.at().isBefore(at)) {
                        writeDecision(g, c, lot, next, uris, zone, places);
                        next = decisions.hasNext() ? decisions.next() : null;
                    }
                    Long reversedBy = r.getObject(9, Long.class);
                    Timestamp reversedAt = r.getTimestamp(10);
                    Ledger row = new Ledger(r.getLong(1), at, r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                            r.getString(8), reversedBy, reversedAt == null ? null : reversedAt.toInstant());
                    Array serials = r.getArray(7);
                    writeLedger(g, row, (String[]) serials.getArray(), lot, uris, zone, places);
                    serials.free();
                }
            }
        }
        while (next != null) {
            writeDecision(g, c, lot, next, uris, zone, places);
            next = decisions.hasNext() ? decisions.next() : null;
        }
    }

    /**
     * Ledger rows of the lot grouped into events: same moment, kind, places and actor (a dose's reason does not split it;
     * a reversal's resulting state does). An event whose every row was reversed (ADR 0040) carries the first reversing
     * row, from which its error declaration names the corrective event.
     */
    private static final String LEDGER_EVENTS = """
            SELECT min(m.seq), m.at, m.kind, m.from_location, m.to_location,
                   CASE WHEN m.kind IN ('ADMINISTERED', 'DISPENSED') THEN NULL ELSE m.reason END,
                   array_agg(v.serial ORDER BY v.serial), CASE WHEN m.kind = 'REVERSED' THEN m.state_after END,
                   CASE WHEN bool_and(r.seq IS NOT NULL) THEN min(r.seq) END, CASE WHEN bool_and(r.seq IS NOT NULL) THEN min(r.at) END
              FROM stock_movement m JOIN vial v ON v.id = m.vial_id LEFT JOIN stock_movement r ON r.reverses = m.seq
             WHERE v.lot_id = ?
             GROUP BY m.at, m.kind, m.from_location, m.to_location,
                      CASE WHEN m.kind IN ('ADMINISTERED', 'DISPENSED') THEN NULL ELSE m.reason END, m.actor,
                      CASE WHEN m.kind = 'REVERSED' THEN m.state_after END
             ORDER BY m.at, min(m.seq)
            """;

    /** An event of ledger rows; {@code reversedBy} and {@code reversedAt}: the first row that reversed them all, if they all were. */
    private record Ledger(long firstSeq, Instant at, String kind, String from, String to, String reason, String stateAfter,
                          Long reversedBy, Instant reversedAt) {
    }

    private record Decision(long seq, Instant at, String to) {
    }

    private static List<Decision> decisions(Connection c, UUID lotId) throws SQLException {
        List<Decision> found = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT seq, decided_at, to_status FROM lot_decision WHERE lot_id = ? ORDER BY decided_at, seq")) {
            st.setObject(1, lotId);
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    found.add(new Decision(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3)));
                }
            }
        }
        return found;
    }

    /**
     * The lot as master data of the document: its LGTIN class with lot number and expiry (CBV master data attributes).
     * Receiving is no commissioning, so the events carry no ILMD (EPCIS allows it only with ADD); every SGTIN of the
     * document is of this lot.
     */
    private static void masterData(JsonGenerator g, LotIdentity lot, EpcUris uris) {
        g.writeStartObject("epcisHeader").writeStartObject("epcisMasterData").writeStartArray("vocabularyList")
                .writeStartObject().write("type", "urn:epcglobal:epcis:vtype:EPCClass")
                .writeStartArray("vocabularyElementList").writeStartObject()
                .write("id", uris.lgtin(lot.gtin(), lot.lotNumber()))
                .writeStartArray("attributes")
                .writeStartObject().write("id", "urn:epcglobal:cbv:mda#lotNumber").write("attribute", lot.lotNumber()).writeEnd()
                .writeStartObject().write("id", "urn:epcglobal:cbv:mda#itemExpirationDate").write("attribute", lot.expiresOn().toString()).writeEnd()
                .writeEnd()
                .writeEnd().writeEnd()
                .writeEnd().writeEnd().writeEnd().writeEnd();
    }

    /**
     * One ledger event. The read point is the storage place where it happened; the business location is the place the
     * vials are at afterwards while they stay in stock (received, moved, found at a count), none once they left
     * (dispensed, destroyed, missing at a count).
     */
    private void writeLedger(JsonGenerator g, Ledger row, String[] serials, LotIdentity lot, EpcUris uris, ZoneId zone,
                             ClinicLocations places) {
        String bizStep;
        String disposition;
        String place = row.from() != null ? row.from() : row.to();
        boolean staysInStock = false;
        switch (row.kind()) {
            case "RECEIVED" -> {
                bizStep = "receiving";
                disposition = "in_progress";
                place = row.to();
                staysInStock = true;
            }
            case "MOVED" -> {
                bizStep = "storing";
                disposition = "in_progress";
                place = row.to();
                staysInStock = true;
            }
            case "ADMINISTERED", "DISPENSED" -> {
                bizStep = "dispensing";
                disposition = "dispensed";
            }
            case "WASTED" -> {
                bizStep = "destroying";
                disposition = "destroyed";
            }
            case "REVERSED" -> {
                // a correction: the vials are back in stock where they were, or destroyed (an opened vial of a voided dose)
                staysInStock = "IN_STOCK".equals(row.stateAfter());
                bizStep = staysInStock ? "storing" : "destroying";
                disposition = staysInStock ? "in_progress" : "destroyed";
                place = staysInStock ? row.to() : row.from();
            }
            case "COUNT_ADJUSTED" -> {
                bizStep = "cycle_counting";
                staysInStock = "FOUND_AT_COUNT".equals(row.reason());
                disposition = staysInStock ? "in_progress" : "unknown";
                place = staysInStock ? row.to() : row.from();
            }
            default -> throw new IllegalStateException("a ledger row of unknown kind " + row.kind());
        }
        g.writeStartObject();
        head(g, row.at(), zone, ledgerEventId(row.firstSeq()));
        if (row.reversedBy() != null) {
            // EPCIS 2.0 section 7.4.1.4: the event stays, declared in error, and names the event that corrects it
            g.writeStartObject("errorDeclaration").write("declarationTime", row.reversedAt().toString()).write("reason", "incorrect_data")
                    .writeStartArray("correctiveEventIDs").write(ledgerEventId(row.reversedBy())).writeEnd().writeEnd();
        }
        g.writeStartArray("epcList");
        for (String serial : serials) {
            g.write(uris.sgtin(lot.gtin(), serial));
        }
        g.writeEnd();
        g.write("action", "OBSERVE").write("bizStep", bizStep).write("disposition", disposition);
        Optional<String> at = places.place(place);
        location(g, "readPoint", at);
        location(g, "bizLocation", staysInStock ? at : Optional.empty());
        g.writeEnd();
    }

    /** A QA decision: the vials of the lot still in stock at that moment are the ones it concerns. */
    private void writeDecision(JsonGenerator g, Connection c, LotIdentity lot, Decision d, EpcUris uris, ZoneId zone, ClinicLocations places)
            throws SQLException {
        String disposition = switch (d.to()) {
            case "RELEASED" -> "conformant";
            case "REJECTED" -> "non_conformant";
            case "RECALLED" -> "recalled";
            default -> null;
        };
        if (disposition == null) {
            return;
        }
        g.writeStartObject();
        head(g, d.at(), zone, "urn:uuid:" + UUID.nameUUIDFromBytes(("exotrace:lot_decision:" + d.seq()).getBytes(StandardCharsets.UTF_8)));
        g.writeStartArray("epcList");
        try (PreparedStatement st = c.prepareStatement("""
                SELECT v.serial FROM vial v
                 WHERE v.lot_id = ? AND NOT EXISTS (SELECT 1 FROM stock_movement m
                                                     WHERE m.vial_id = v.id AND m.at <= ? AND m.state_after <> 'IN_STOCK')
                 ORDER BY v.serial""")) {
            st.setObject(1, lot.id());
            st.setTimestamp(2, Timestamp.from(d.at()));
            st.setFetchSize(2_000);
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    g.write(uris.sgtin(lot.gtin(), r.getString(1)));
                }
            }
        }
        g.writeEnd();
        g.write("action", "OBSERVE").write("bizStep", "RECALLED".equals(d.to()) ? "holding" : "inspecting").write("disposition", disposition);
        location(g, "bizLocation", places.site());
        g.writeEnd();
    }

    /** The eventID of the event whose first ledger row is {@code seq}: the same in every document. */
    private static String ledgerEventId(long seq) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("exotrace:stock_movement:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static void head(JsonGenerator g, Instant at, ZoneId zone, String eventId) {
        g.write("type", "ObjectEvent");
        g.write("eventTime", at.toString());
        g.write("eventTimeZoneOffset", offset(zone, at));
        g.write("eventID", eventId);
    }

    private static void location(JsonGenerator g, String name, Optional<String> sgln) {
        sgln.ifPresent(id -> g.writeStartObject(name).write("id", id).writeEnd());
    }

    /** {@code +09:00}; UTC as {@code +00:00}, never {@code Z}, as EPCIS asks. */
    static String offset(ZoneId zone, Instant at) {
        ZoneOffset o = zone.getRules().getOffset(at);
        int minutes = o.getTotalSeconds() / 60;
        int abs = Math.abs(minutes);
        return (minutes < 0 ? "-" : "+") + String.format("%02d:%02d", abs / 60, abs % 60);
    }
}
