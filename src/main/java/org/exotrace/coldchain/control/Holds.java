package org.exotrace.coldchain.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.coldchain.entity.Disposition;
import org.exotrace.coldchain.entity.ExcursionDisposition;
import org.exotrace.coldchain.entity.ExcursionKind;
import org.exotrace.coldchain.entity.StoragePlace;
import org.exotrace.platform.control.DatabaseConfig;
import org.exotrace.platform.control.Reads;
import org.exotrace.security.control.Signatures;
import org.exotrace.vial.control.Stock;
import org.exotrace.vial.entity.VialState;
import org.exotrace.vial.entity.WasteReason;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Temperature holds (ADR 0044): every vial that stayed in a place while an excursion of it was open is held, as the
 * table {@code temperature_hold}, which the bedside scan asks by vial ({@code scan_facts}, V27). Holds are made when
 * readings arrive, on a timer for silences ({@link HoldTimer}) and before QA reads or disposes of them; they end by
 * QA's signed disposition of the excursion, which releases the held vials or wastes them, or lapse when late readings
 * no longer show the excursion (ADR 0045).
 */
@ApplicationScoped
@Transactional
public class Holds {

    /** The most held vials one answer lists. */
    static final int MAX_LISTED = 10_000;

    /** A vial an excursion holds, with where it is now and what it is. */
    public record HeldVial(UUID vialId, String serial, String lotNumber, String productCode, VialState state, String location,
                           ExcursionKind kind, Instant startedAt, Instant heldAt) {
    }

    /** What a disposition did: the holds it ended, and the vials it wasted (those still in stock, when it wastes). */
    public record Disposed(ExcursionDisposition disposition, List<UUID> vials, List<UUID> wasted) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    ColdChain coldChain;

    @Inject
    Stock stock;

    @Inject
    Signatures signatures;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * How far back a refresh looks for excursions that end: those that ended earlier were held when their readings
     * arrived (in the same transaction); this catches a silence, which no reading reports.
     */
    static final Duration LOOKBACK = Duration.ofDays(1);

    /** Holds the vials the place's recent excursions reach (every place when {@code place} is empty); answers how many holds are new. */
    public int refresh(Optional<StoragePlace> place) {
        return coldChain.holdVials(place, clock.instant().minus(LOOKBACK));
    }

    /** The vials the place's excursions hold and QA has not disposed of, of one excursion when it is named; holds made first. */
    public List<HeldVial> held(String code, Optional<ExcursionKind> kind, Optional<Instant> startedAt) {
        StoragePlace place = coldChain.place(code);
        refresh(Optional.of(place));
        return held(place, kind, startedAt);
    }

    private List<HeldVial> held(StoragePlace place, Optional<ExcursionKind> kind, Optional<Instant> startedAt) {
        List<Object> parameters = new ArrayList<>(List.of(place.id()));
        kind.ifPresent(k -> parameters.add(k.name()));
        startedAt.ifPresent(s -> parameters.add(Timestamp.from(s)));
        return Reads.list(dataSource, HeldVial.class, """
                SELECT h.vial_id, v.serial, l.lot_number, p.code AS product_code, v.state, v.location, h.kind, h.started_at, h.held_at
                  FROM temperature_hold_open h JOIN vial v ON v.id = h.vial_id JOIN lot l ON l.id = v.lot_id JOIN product p ON p.id = l.product_id
                 WHERE h.place_id = ?""" + (kind.isPresent() ? " AND h.kind = ?" : "") + (startedAt.isPresent() ? " AND h.started_at = ?" : "")
                + " ORDER BY h.started_at, h.kind, l.lot_number, v.serial LIMIT " + MAX_LISTED, parameters.toArray());
    }

    /**
     * QA's signed disposition of one excursion of a place: every vial it holds now is released, or wasted as
     * {@code TEMPERATURE_EXCURSION} when still in stock. The signer re-enters the password ({@link Signatures}).
     */
    public Disposed dispose(String code, ExcursionKind kind, Instant startedAt, Disposition decision, String justification, String password,
                            String signer, String address) {
        String excursion = "the " + kind + " excursion of " + code + " from " + startedAt;
        signatures.require(signer, password, address, "the disposition of " + excursion);
        StoragePlace place = coldChain.place(code);
        Connection c = em.unwrap(Connection.class);
        boolean open;
        try {
            // one disposition of a place at a time, so that two QA users do not end the same holds twice
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 34))")) {
                lock.setString(1, "excursion_disposition " + place.id());
                lock.execute();
            }
            coldChain.holdVials(Optional.of(place), startedAt);
            try (PreparedStatement isOpen = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM place_excursions(?, ?)"
                    + " WHERE kind = ? AND started_at = ? AND ended_at IS NULL)")) {
                isOpen.setObject(1, place.id());
                isOpen.setTimestamp(2, Timestamp.from(startedAt));
                isOpen.setString(3, kind.name());
                isOpen.setTimestamp(4, Timestamp.from(startedAt));
                try (ResultSet r = isOpen.executeQuery()) {
                    r.next();
                    open = r.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + excursion, e);
        }
        List<HeldVial> held = held(place, Optional.of(kind), Optional.of(startedAt));
        Instant now = clock.instant();
        ExcursionDisposition disposition = ExcursionDisposition.decide(place, kind, startedAt, decision, justification, held.size(), open,
                signer, now);
        em.persist(disposition);
        em.flush();
        try (PreparedStatement end = c.prepareStatement("""
                INSERT INTO temperature_hold_disposed (vial_id, place_id, kind, started_at, disposition_id)
                SELECT h.vial_id, h.place_id, h.kind, h.started_at, ? FROM temperature_hold_open h WHERE h.vial_id = ANY (?)
                   AND h.place_id = ? AND h.kind = ? AND h.started_at = ?""")) {
            end.setObject(1, disposition.id());
            end.setArray(2, c.createArrayOf("uuid", held.stream().map(HeldVial::vialId).toArray()));
            end.setObject(3, place.id());
            end.setString(4, kind.name());
            end.setTimestamp(5, Timestamp.from(startedAt));
            end.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the holds of " + excursion, e);
        }
        List<UUID> wasted = new ArrayList<>();
        if (decision == Disposition.WASTE) {
            for (HeldVial vial : held) {
                if (vial.state() == VialState.IN_STOCK) {
                    stock.waste(vial.vialId(), WasteReason.TEMPERATURE_EXCURSION, "excursion disposition " + disposition.id(), signer);
                    wasted.add(vial.vialId());
                }
            }
        }
        List<UUID> vials = held.stream().map(HeldVial::vialId).toList();
        audit.record(signer, "EXCURSION_DISPOSED", "location", code, Json.createObjectBuilder()
                .add("dispositionId", disposition.id().toString()).add("kind", kind.name()).add("startedAt", startedAt.toString())
                .add("decision", decision.name()).add("justification", disposition.justification()).add("vials", vials.size())
                .add("wasted", wasted.size()).add("open", open).build());
        return new Disposed(disposition, vials, wasted);
    }
}
