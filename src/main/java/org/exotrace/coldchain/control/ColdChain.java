package org.exotrace.coldchain.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.coldchain.entity.ExcursionKind;
import org.exotrace.coldchain.entity.PlaceKind;
import org.exotrace.coldchain.entity.Reading;
import org.exotrace.coldchain.entity.StoragePlace;
import org.exotrace.platform.control.DatabaseConfig;
import org.exotrace.platform.control.Reads;
import org.exotrace.platform.error.DomainError;
import org.exotrace.vial.control.VialsPlaced;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Storage places, their loggers' readings and the excursions those show. Readings are written in one statement per
 * batch; one already stored (same place, logger and time) is left as it is and counted as a duplicate. Excursions are
 * derived from the readings whenever read (V25's rules; V27's {@code place_excursions} over the period asked), so a
 * reading that arrives late counts where it belongs; the
 * vials they reach are held, and the excursions announced, in the same transaction ({@link #holdVials}, ADR 0044, 0045).
 */
@ApplicationScoped
@Transactional
public class ColdChain {

    /** The most readings one request brings (a logger's day at one a minute is 1 440). */
    public static final int MAX_READINGS = 10_000;

    /** What a batch of readings did: how many were new, how many were already there, how many vials they newly held. */
    public record Received(int received, int duplicates, int newHolds) {
    }

    /**
     * An excursion of a place: out of range (with its lowest and highest) or without readings; open while {@code endedAt}
     * is null. {@code minutes}: its length rounded up, until now while open ({@code excursion_minutes}, V30).
     * {@code heldVials}: the vials it held; {@code stillHeld}: those no disposition has ended; {@code dispositions}: QA's,
     * oldest first.
     */
    public record Excursion(String kind, Instant startedAt, Instant endedAt, BigDecimal lowestC, BigDecimal highestC, int minutes,
                            boolean open, int heldVials, int stillHeld, List<ExcursionDecision> dispositions) {

        Excursion with(List<ExcursionDecision> decisions) {
            return new Excursion(kind, startedAt, endedAt, lowestC, highestC, minutes, open, heldVials, stillHeld, decisions);
        }
    }

    /** QA's signed disposition of an excursion: RELEASE or WASTE, of how many held vials, why, by whom and when. */
    public record ExcursionDecision(UUID dispositionId, String kind, Instant startedAt, String decision, String justification, int vials,
                                    String signedBy, Instant signedAt) {
    }

    /** A reading as the place's history shows it: {@code inRange} when the place's range holds it. */
    public record PlaceReading(String logger, Instant at, BigDecimal celsius, boolean inRange) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<ExcursionNoticed> noticed;

    /** A registered place's code: 2 to 32 upper-case letters, digits or '-'. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    /**
     * Registers a place with its kind and range. Its code is of the place format, or a location in use exactly as
     * written (the place it has been is registered, with the record of its use kept beside it).
     */
    public StoragePlace register(String code, String name, PlaceKind kind, BigDecimal minC, BigDecimal maxC, Integer maxGapMinutes,
                                 String actor) {
        Optional<StoragePlace> existing = find(code);
        if (existing.filter(StoragePlace::registered).isPresent()) {
            throw DomainError.conflict("LOCATION_EXISTS", "a storage place with code '" + code + "' is already registered");
        }
        if (existing.isEmpty() && !CODE.matcher(code).matches()) {
            throw DomainError.invalid("code", "2-32 upper-case letters, digits or '-', or a location in use as it is written");
        }
        StoragePlace place = new StoragePlace(code, name, kind, minC, maxC, maxGapMinutes, actor, clock.instant());
        em.persist(place);
        audit.record(actor, "LOCATION_REGISTERED", "location", code, Json.createObjectBuilder().add("code", code).add("name", name)
                .add("kind", kind.name()).add("minC", minC).add("maxC", maxC).add("maxGapMinutes", place.maxGapMinutes())
                .add("inUseSince", existing.map(p -> p.createdAt().toString()).orElse("")).build());
        return place;
    }

    /** The place a code names: the registered one, or else the location in use. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoragePlace> find(String code) {
        return em.createQuery("SELECT p FROM StoragePlace p WHERE p.code = :code", StoragePlace.class).setParameter("code", code)
                .getResultStream().reduce((a, b) -> a.registered() ? a : b);
    }

    /** The places by code, one a code: the registered one, or else the location in use. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoragePlace> list() {
        return em.createQuery("SELECT p FROM StoragePlace p WHERE p.kind IS NOT NULL OR NOT EXISTS (SELECT q FROM StoragePlace q"
                + " WHERE q.code = p.code AND q.kind IS NOT NULL) ORDER BY p.code", StoragePlace.class).getResultList();
    }

    public StoragePlace place(String code) {
        return find(code).orElseThrow(() -> DomainError.notFound("storage place", code));
    }

    /**
     * Vials put at a location: a location no place record names is recorded as in use (V29, ADR 0048); vials of a
     * product that states a storage range are refused at a registered place whose range does not lie within it, unless
     * a count found them there (a count records what is).
     */
    void placed(@Observes VialsPlaced placed) {
        Optional<StoragePlace> place = find(placed.location());
        if (place.isEmpty()) {
            em.createNativeQuery("INSERT INTO storage_place (id, code, name, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)"
                            + " ON CONFLICT DO NOTHING")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, placed.location())
                    .setParameter(3, placed.location().length() > 100 ? placed.location().substring(0, 100) : placed.location())
                    .setParameter(4, Timestamp.from(clock.instant())).setParameter(5, placed.actor()).executeUpdate();
            return;
        }
        if (placed.counted() || !place.get().registered()) {
            return;
        }
        placed.product().storageRange().filter(range -> !range.contains(place.get().minC(), place.get().maxC())).ifPresent(range -> {
            StoragePlace p = place.get();
            throw DomainError.conflict("STORAGE_RANGE_MISMATCH", p.code() + " keeps " + p.minC() + ".." + p.maxC()
                    + " °C, and " + placed.product().code() + " must be stored at " + range.minC() + ".." + range.maxC()
                    + " °C: choose a place within the product's range; nothing was recorded");
        });
    }

    /** Stores the readings of a place; those already stored are left as they are. */
    public Received receive(String code, List<Reading> readings) {
        if (readings.isEmpty()) {
            throw DomainError.invalid("readings", "at least one reading");
        }
        if (readings.size() > MAX_READINGS) {
            throw DomainError.invalid("readings", "at most " + MAX_READINGS + " readings a request");
        }
        StoragePlace place = place(code);
        if (!place.registered()) {
            throw DomainError.conflict("LOCATION_NOT_REGISTERED", "'" + code + "' is a location in use with no temperature range: register it"
                    + " (POST /api/locations with this code, its kind and range) before its loggers send readings; nothing was stored");
        }
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO temperature_reading (place_id, logger, at, celsius, received_at)
                SELECT ?, r.logger, r.at, r.celsius, ? FROM unnest(?::text[], ?::timestamptz[], ?::numeric[]) AS r (logger, at, celsius)
                ON CONFLICT DO NOTHING""")) {
            insert.setObject(1, place.id());
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setArray(3, c.createArrayOf("text", readings.stream().map(Reading::logger).toArray()));
            insert.setArray(4, c.createArrayOf("timestamptz", readings.stream().map(r -> Timestamp.from(r.at())).toArray()));
            insert.setArray(5, c.createArrayOf("numeric", readings.stream().map(Reading::celsius).toArray()));
            int stored = insert.executeUpdate();
            Instant earliest = readings.stream().map(Reading::at).min(Instant::compareTo).orElseThrow();
            return new Received(stored, readings.size() - stored, stored == 0 ? 0 : holdVials(Optional.of(place), earliest));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the readings of " + code, e);
        }
    }

    /**
     * One hold pass (V28's {@code refresh_holds}, ADR 0044 and 0045) over the place (every place when empty) from
     * {@code since}: holds every vial that stayed in it while one of its excursions that end after {@code since}, or are
     * open, was open; lapses the holds of an excursion the readings no longer show (a silence filled by late readings,
     * a run out of range whose start moved earlier), audited; and announces each excursion once when first seen, once
     * seen ended, and once withdrawn ({@link ExcursionNoticed}, in this transaction). Answers how many holds are new. Its
     * cost grows with the readings after {@code since}, not with the place's history.
     */
    public int holdVials(Optional<StoragePlace> place, Instant since) {
        Connection c = em.unwrap(Connection.class);
        int held = 0;
        Map<UUID, StoragePlace> places = new HashMap<>();
        place.ifPresent(p -> places.put(p.id(), p));
        try (PreparedStatement pass = c.prepareStatement("SELECT * FROM refresh_holds(?, ?)")) {
            pass.setObject(1, place.map(StoragePlace::id).orElse(null), Types.OTHER);
            pass.setTimestamp(2, Timestamp.from(since));
            try (ResultSet r = pass.executeQuery()) {
                while (r.next()) {
                    String what = r.getString("what");
                    int vials = r.getInt("vials");
                    StoragePlace where = places.computeIfAbsent((UUID) r.getObject("place_id"), id -> em.find(StoragePlace.class, id));
                    ExcursionKind kind = ExcursionKind.valueOf(r.getString("kind"));
                    Instant startedAt = r.getTimestamp("started_at").toInstant();
                    switch (what) {
                        case "HELD" -> held += vials;
                        case "LAPSED" -> audit.record("system", "TEMPERATURE_HOLDS_LAPSED", "location", where.code(), Json.createObjectBuilder()
                                .add("kind", kind.name()).add("startedAt", startedAt.toString()).add("vials", vials)
                                .add("reason", kind == ExcursionKind.NO_READINGS ? "late readings filled the silence"
                                        : "late readings out of range moved the start earlier").build());
                        default -> noticed.fire(new ExcursionNoticed(ExcursionNoticed.Notice.valueOf(what), where.code(), where.name(), kind,
                                startedAt, Optional.ofNullable(r.getTimestamp("ended_at")).map(Timestamp::toInstant),
                                Optional.ofNullable(r.getBigDecimal("lowest_c")), Optional.ofNullable(r.getBigDecimal("highest_c")), vials,
                                clock.instant()));
                    }
                }
            }
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hold the vials of " + place.map(StoragePlace::code).orElse("every place"), e);
        }
    }

    /** The place's readings from {@code from} (inclusive) to {@code to} (exclusive), in time order, each judged against its range. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlaceReading> readings(StoragePlace place, Instant from, Instant to) {
        return Reads.list(dataSource, PlaceReading.class, "SELECT r.logger, r.at, r.celsius, r.celsius BETWEEN p.min_c AND p.max_c AS in_range"
                + " FROM temperature_reading r JOIN storage_place p ON p.id = r.place_id"
                + " WHERE r.place_id = ? AND r.at >= ? AND r.at < ? ORDER BY r.at, r.logger LIMIT 100000",
                place.id(), Timestamp.from(from), Timestamp.from(to));
    }

    /**
     * The place's excursions that overlap [{@code from}, {@code to}), oldest first, with the vials each held and QA's
     * dispositions of them; an open one overlaps any later period.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Excursion> excursions(StoragePlace place, Instant from, Instant to) {
        List<Excursion> excursions = Reads.list(dataSource, Excursion.class, """
                SELECT e.kind, e.started_at, e.ended_at, e.lowest_c, e.highest_c, excursion_minutes(e.started_at, e.ended_at) AS minutes,
                       e.ended_at IS NULL AS open,
                       (SELECT count(*) FROM temperature_hold h
                         WHERE h.place_id = ? AND h.started_at = e.started_at AND h.kind = e.kind) AS held_vials,
                       (SELECT count(*) FROM temperature_hold_open h
                         WHERE h.place_id = ? AND h.started_at = e.started_at AND h.kind = e.kind) AS still_held
                  FROM place_excursions(?, ?) e
                 WHERE e.started_at < ? AND (e.ended_at IS NULL OR e.ended_at > ?)
                 ORDER BY e.started_at, e.kind""", place.id(), place.id(), place.id(), Timestamp.from(from), Timestamp.from(to),
                Timestamp.from(from));
        if (excursions.isEmpty()) {
            return excursions;
        }
        List<ExcursionDecision> decisions = Reads.list(dataSource, ExcursionDecision.class, """
                SELECT id AS disposition_id, kind, started_at, decision, justification, vials, signed_by, signed_at
                  FROM excursion_disposition WHERE place_id = ? AND started_at >= ? AND started_at < ? ORDER BY signed_at, id""",
                place.id(), Timestamp.from(excursions.get(0).startedAt()), Timestamp.from(to));
        return excursions.stream().map(e -> e.with(decisions.stream()
                .filter(d -> d.kind().equals(e.kind()) && d.startedAt().equals(e.startedAt())).toList())).toList();
    }
}
