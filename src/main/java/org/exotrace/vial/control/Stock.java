package org.exotrace.vial.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.gs1.BarcodeParseResult;
import org.exotrace.gs1.Gs1BarcodeParser;
import org.exotrace.gs1.Gs1Label;
import org.exotrace.lot.entity.Expiry;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.error.DomainError;
import org.exotrace.vial.entity.StockMovement;
import org.exotrace.vial.entity.Vial;
import org.exotrace.vial.entity.WasteReason;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jakarta.persistence.LockModeType;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Moving and wasting vials, and the views of what is on hand. */
@ApplicationScoped
@Transactional
public class Stock {

    /** One line of the stock view: vials on hand of one lot at one location. */
    public record Line(String productCode, String productName, String lotNumber, LotStatus lotStatus, LocalDate expiresOn,
                       String location, long vials) {

        /** Past its lot's expiry date ({@link Expiry}): in stock, but it may not be given and must be wasted. */
        public boolean expired(LocalDate today) {
            return Expiry.passed(expiresOn, today);
        }
    }

    /** What a physical count found, against what the records said. */
    public record CountResult(String location, int expected, int counted, int matched, List<Vial> missing, List<Vial> relocated,
                              List<Vial> notInStock, List<UUID> unknown) {
    }

    /** A label read by the inventory's scan, and the vial of that GTIN and serial when one was received. */
    public record ScannedLabel(Gs1Label label, Optional<Vial> vial) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Observed in this transaction: an observer may refuse the location (the cold chain, ADR 0044). */
    @Inject
    Event<VialsPlaced> placing;

    private Gs1BarcodeParser parser;

    @PostConstruct
    void makeParser() {
        parser = new Gs1BarcodeParser(clock);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Vial> find(UUID vialId) {
        return Optional.ofNullable(em.find(Vial.class, vialId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StockMovement> history(UUID vialId) {
        return em.createQuery("SELECT m FROM StockMovement m WHERE m.vialId = :id ORDER BY m.seq", StockMovement.class)
                .setParameter("id", vialId).getResultList();
    }

    /** The vial's latest ledger row. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StockMovement> latest(UUID vialId) {
        return latest(vialId, 1).stream().findFirst();
    }

    private List<StockMovement> latest(UUID vialId, int rows) {
        return em.createQuery("SELECT m FROM StockMovement m WHERE m.vialId = :id ORDER BY m.seq DESC", StockMovement.class)
                .setParameter("id", vialId).setMaxResults(rows).getResultList();
    }

    public StockMovement move(UUID vialId, String location, String actor) {
        Vial vial = locked(vialId);
        placing.fire(new VialsPlaced(vial.lot().product(), location, 1, false, actor));
        StockMovement movement = vial.moveTo(location, actor, clock.instant());
        em.persist(movement);
        audit.record(actor, "VIAL_MOVED", "vial", vialId.toString(), Json.createObjectBuilder()
                .add("serial", vial.serial()).add("from", movement.fromLocation().orElse("")).add("to", location).build());
        return movement;
    }

    public StockMovement waste(UUID vialId, WasteReason reason, String note, String actor) {
        Vial vial = locked(vialId);
        StockMovement movement = vial.waste(reason, note, actor, clock.instant());
        em.persist(movement);
        audit.record(actor, "VIAL_WASTED", "vial", vialId.toString(), Json.createObjectBuilder()
                .add("serial", vial.serial()).add("reason", reason.name()).add("location", vial.location()).build());
        return movement;
    }

    /**
     * Reverses the vial's latest ledger row ({@code seq}) for a reason, with a new REVERSED row that names it (ADR 0040):
     * the vial goes back to where and what it was before. Any other row than the latest is refused, so that a reversal
     * never skips over what happened since; a reversal is itself reversed the same way.
     */
    public StockMovement reverse(UUID vialId, long seq, String reason, String actor) {
        Vial vial = locked(vialId);
        List<StockMovement> latest = latest(vialId, 2);
        StockMovement last = latest.get(0);
        if (last.seq() != seq) {
            throw DomainError.conflict("NOT_LATEST_MOVEMENT", "row " + seq + " is not the latest of vial " + vial.serial() + " (row " + last.seq()
                    + "): reverse the latest first, or record what happened since");
        }
        StockMovement reversal = vial.reverse(last, latest.size() > 1 ? latest.get(1) : last, reason, actor, clock.instant());
        em.persist(reversal);
        audit.record(actor, "VIAL_MOVEMENT_REVERSED", "vial", vialId.toString(), Json.createObjectBuilder()
                .add("serial", vial.serial()).add("reverses", seq).add("reversedKind", last.kind().name()).add("reason", reason)
                .add("state", vial.state().name()).add("location", vial.location()).build());
        return reversal;
    }

    /**
     * A physical count of one location: vials recorded here but not counted leave stock as
     * {@code MISSING_AT_COUNT}; vials counted here but recorded elsewhere are moved here
     * ({@code FOUND_AT_COUNT}); both as COUNT_ADJUSTED rows of the ledger. Vials counted that are not in
     * stock, or unknown, are reported and left alone.
     */
    public CountResult count(String location, List<UUID> countedIds, String actor) {
        CountResult r = compare(location, countedIds, Optional.of(actor));
        audit.record(actor, "STOCK_COUNTED", "location", location, Json.createObjectBuilder()
                .add("expected", r.expected()).add("counted", r.counted()).add("matched", r.matched())
                .add("missing", r.missing().size()).add("relocated", r.relocated().size()).add("notInStock", r.notInStock().size())
                .add("unknown", r.unknown().size()).build());
        return r;
    }

    /** What {@link #count} would find and change, changing nothing: shown to the counter before the count is applied. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CountResult previewCount(String location, List<UUID> countedIds) {
        return compare(location, countedIds, Optional.empty());
    }

    /** The count against the records; with an actor, the vials are locked and the adjustments appended to the ledger. */
    private CountResult compare(String location, List<UUID> countedIds, Optional<String> actor) {
        Instant now = clock.instant();
        LockModeType lock = actor.isPresent() ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE;
        List<Vial> recorded = em.createQuery("SELECT v FROM Vial v WHERE v.location = :location"
                        + " AND v.state = org.exotrace.vial.entity.VialState.IN_STOCK ORDER BY v.serial", Vial.class)
                .setParameter("location", location)
                .setLockMode(lock)
                .getResultList();
        Set<UUID> counted = new LinkedHashSet<>(countedIds);
        List<Vial> missing = new ArrayList<>();
        int matched = 0;
        for (Vial vial : recorded) {
            if (counted.remove(vial.id())) {
                matched++;
            } else {
                missing.add(vial);
                actor.ifPresent(a -> em.persist(vial.missingAtCount(a, now)));
            }
        }
        List<Vial> relocated = new ArrayList<>();
        List<Vial> notInStock = new ArrayList<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID id : counted) {
            Vial vial = em.find(Vial.class, id, lock);
            if (vial == null) {
                unknown.add(id);
            } else if (!vial.inStock()) {
                notInStock.add(vial);
            } else {
                relocated.add(vial);
                actor.ifPresent(a -> {
                    placing.fire(new VialsPlaced(vial.lot().product(), location, 1, true, a));
                    em.persist(vial.foundAtCount(location, a, now));
                });
            }
        }
        return new CountResult(location, recorded.size(), countedIds.size(), matched, missing, relocated, notInStock, unknown);
    }

    /**
     * What a vial's label says and the vial it names, if one was received: the inventory's scan, which records nothing.
     * A barcode that cannot be read, or that names no single vial (no serial, AI 21), is refused as {@code BARCODE_INVALID}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ScannedLabel read(String barcode) {
        BarcodeParseResult parsed = parser.parse(barcode);
        if (parsed instanceof BarcodeParseResult.Invalid invalid) {
            throw DomainError.invalid("BARCODE_INVALID", "barcode", "the barcode cannot be read: " + invalid.reason());
        }
        Gs1Label label = (Gs1Label) parsed;
        String serial = label.serial().orElseThrow(() -> DomainError.invalid("BARCODE_INVALID", "barcode",
                "the label carries no serial number (AI 21), so it does not name one vial"));
        Optional<Vial> vial = em.createQuery("SELECT v FROM Vial v WHERE v.gtin = :gtin AND v.serial = :serial", Vial.class)
                .setParameter("gtin", label.gtin().value()).setParameter("serial", serial)
                .getResultStream().findFirst();
        return new ScannedLabel(label, vial);
    }

    /** Vials on hand by product, lot and location, first expiry first (FEFO). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Line> onHand(Optional<LocalDate> expiringBy, int page, int size) {
        var query = em.createQuery("SELECT l.product.code, l.product.name, l.lotNumber, l.status, l.expiresOn, v.location, COUNT(v)"
                        + " FROM Vial v JOIN v.lot l WHERE v.state = org.exotrace.vial.entity.VialState.IN_STOCK"
                        + (expiringBy.isPresent() ? " AND l.expiresOn <= :by" : "")
                        + " GROUP BY l.product.code, l.product.name, l.lotNumber, l.status, l.expiresOn, v.location"
                        + " ORDER BY l.expiresOn, l.product.code, l.lotNumber, v.location", Object[].class)
                .setFirstResult(page * size).setMaxResults(size);
        expiringBy.ifPresent(by -> query.setParameter("by", by));
        return query.getResultList().stream()
                .map(r -> new Line((String) r[0], (String) r[1], (String) r[2], (LotStatus) r[3], (LocalDate) r[4], (String) r[5], (Long) r[6]))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private Vial locked(UUID vialId) {
        Vial vial = em.find(Vial.class, vialId, LockModeType.PESSIMISTIC_WRITE);
        if (vial == null) {
            throw DomainError.notFound("vial", vialId.toString());
        }
        return vial;
    }
}
