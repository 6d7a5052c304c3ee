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

    /** An excursion of a place: out of range (with its lowest and highest) or without readings; open while {@code endedAt} is null. */
    public record Excursion(String kind, Instant startedAt, Instant endedAt, BigDecimal lowestC, BigDecimal highestC) {
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

    public StoragePlace register(String code, String name, PlaceKind kind, BigDecimal minC, BigDecimal maxC, Integer maxGapMinutes,
                                 String actor) {
        if (find(code).isPresent()) {
            throw DomainError.conflict("LOCATION_EXISTS", "a storage place with code '" + code + "' is already registered");
        }
        StoragePlace place = new StoragePlace(code, name, kind, minC, maxC, maxGapMinutes, actor, clock.instant());
        em.persist(place);
        audit.record(actor, "LOCATION_REGISTERED", "location", code, Json.createObjectBuilder().add("code", code).add("name", name)
                .add("kind", kind.name()).add("minC", minC).add("maxC", maxC).add("maxGapMinutes", place.maxGapMinutes()).build());
        return place;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoragePlace> find(String code) {
        return em.createQuery("SELECT p FROM StoragePlace p WHERE p.code = :code", StoragePlace.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoragePlace> list() {
        return em.createQuery("SELECT p FROM StoragePlace p ORDER BY p.code", StoragePlace.class).getResultList();
    }

    public StoragePlace place(String code) {
        return find(code).orElseThrow(() -> DomainError.notFound("storage place", code));
    }

    /**
     * Refuses vials of a product that states a storage range at a storage place whose range does not lie within it
     * (a location that is no place's code is not checked).
     */
    void refuseMisfit(@Observes VialsPlaced placed) {
        placed.product().storageRange().ifPresent(range -> find(placed.location())
                .filter(place -> !range.contains(place.minC(), place.maxC()))
                .ifPresent(place -> {
                    throw DomainError.conflict("STORAGE_RANGE_MISMATCH", place.code() + " keeps " + place.minC() + ".." + place.maxC()
                            + " °C, and " + placed.product().code() + " must be stored at " + range.minC() + ".." + range.maxC()
                            + " °C: choose a place within the product's range; nothing was recorded");
                }));
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

    /** The place's readings from {@code from} (inclusive) to {@code to} (exclusive), in time order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Reading> readings(String code, Instant from, Instant to) {
        StoragePlace place = place(code);
        return Reads.list(dataSource, Reading.class, "SELECT logger, at, celsius FROM temperature_reading"
                + " WHERE place_id = ? AND at >= ? AND at < ? ORDER BY at, logger LIMIT 100000", place.id(), Timestamp.from(from), Timestamp.from(to));
    }

    /** The place's excursions that overlap [{@code from}, {@code to}), oldest first; an open one overlaps any later period. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Excursion> excursions(String code, Instant from, Instant to) {
        StoragePlace place = place(code);
        return Reads.list(dataSource, Excursion.class, """
                SELECT kind, started_at, ended_at, lowest_c, highest_c FROM place_excursions(?, ?)
                 WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?)
                 ORDER BY started_at, kind""", place.id(), Timestamp.from(from), Timestamp.from(to), Timestamp.from(from));
    }
}
