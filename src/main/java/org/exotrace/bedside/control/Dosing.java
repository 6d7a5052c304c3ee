package org.exotrace.bedside.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.bedside.entity.AdministeredVial;
import org.exotrace.bedside.entity.Administration;
import org.exotrace.bedside.entity.Block;
import org.exotrace.bedside.entity.Caution;
import org.exotrace.bedside.entity.DoseCorrection;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.Verdict;
import org.exotrace.bedside.entity.VialFacts;
import org.exotrace.gs1.Gs1Label;
import org.exotrace.platform.error.DomainError;
import org.exotrace.vial.entity.StockMovement;
import org.exotrace.vial.entity.Vial;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Recording a dose: administered at the clinic or dispensed for home use. The vials are locked in the
 * database (row locks, in a fixed order) and checked again under the lock, so two nurses on one vial,
 * on one server or several, get one dose and one {@code ALREADY_USED}. An Idempotency-Key makes a
 * retried request answer with the dose it already recorded.
 */
@ApplicationScoped
@Transactional
public class Dosing {

    /** How long a nurse's Idempotency-Key answers with the dose it recorded. */
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);

    /** A vial to use: scanned ({@code barcode}) or chosen by hand ({@code vialId}). */
    public record VialRef(String barcode, UUID vialId) {
    }

    /**
     * The dose and the vials it used; {@code replayed} when an earlier request with the same key recorded it;
     * {@code correctedBy} the correction that voided or replaced it, {@code replacing} the one it is the replacement of.
     */
    public record Recorded(Administration dose, Map<UUID, VialFacts> vials, boolean replayed, Optional<DoseCorrection> correctedBy,
                           Optional<DoseCorrection> replacing) {

        Recorded(Administration dose, Map<UUID, VialFacts> vials, boolean replayed) {
            this(dose, vials, replayed, Optional.empty(), Optional.empty());
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<DoseRecorded> recorded;

    @Inject
    Scanning scanning;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "exotrace.administration.late-entry-window", defaultValue = "PT12H")
    Duration lateEntryWindow;

    @Inject
    @ConfigProperty(name = "exotrace.administration.required-fields")
    Optional<String> requiredFields;

    public Recorded record(DoseKind kind, List<VialRef> refs, Administration.Details details, String nurse,
                           String idempotencyKey, String requestHash) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, nurse + "\n" + idempotencyKey).getSingleResult();
        Optional<Recorded> earlier = replay(nurse, idempotencyKey, requestHash, now);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        requireProvisionFields(requiredFields, details);
        Map<UUID, String> barcodes = resolve(refs);
        Map<UUID, Vial> locked = lock(barcodes.keySet());
        Map<UUID, VialFacts> facts = new LinkedHashMap<>();
        Set<Caution> warnings = new LinkedHashSet<>();
        List<Administration.Use> uses = checkedUses(kind, barcodes, details, Map.of(), facts, warnings);
        Administration dose = Administration.record(kind, details, uses, List.copyOf(warnings), nurse, now, lateEntryWindow);
        write(dose, locked, Set.of(), facts, nurse, now, Optional.empty());
        em.createNativeQuery("INSERT INTO idempotency_key (nurse, key, request_hash, administration_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                        + " ON CONFLICT (nurse, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,"
                        + " administration_id = EXCLUDED.administration_id, created_at = EXCLUDED.created_at")
                .setParameter(1, nurse).setParameter(2, idempotencyKey).setParameter(3, requestHash).setParameter(4, dose.id())
                .setParameter(5, Timestamp.from(now)).executeUpdate();
        recorded.fire(new DoseRecorded(kind, dose.vials().size()));
        return new Recorded(dose, facts, false);
    }

    /** One dose, read by {@code reader}: audited as {@code DOSE_READ}, since it names the patient. */
    @Transactional
    public Optional<Recorded> read(UUID administrationId, String reader) {
        Optional<Recorded> found = find(administrationId);
        found.ifPresent(r -> audit.record(reader, "DOSE_READ", "patient", r.dose().patientId(), Json.createObjectBuilder()
                .add("administrationId", administrationId.toString()).build()));
        return found;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Recorded> find(UUID administrationId) {
        Administration dose = em.find(Administration.class, administrationId);
        if (dose == null) {
            return Optional.empty();
        }
        List<AdministeredVial> rows = em.createQuery("SELECT v FROM AdministeredVial v WHERE v.administrationId = :id ORDER BY v.position", AdministeredVial.class)
                .setParameter("id", administrationId).getResultList();
        Map<UUID, VialFacts> facts = new LinkedHashMap<>();
        rows.forEach(r -> scanning.facts(r.vialId()).ifPresent(f -> facts.put(f.vialId(), f)));
        return Optional.of(new Recorded(dose.with(rows), facts, false, correctionOf(administrationId),
                correction("replacementId", administrationId)));
    }

    /** Whether the dose was administered or dispensed, if there is one: a look-up of the dose's row only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DoseKind> kindOf(UUID administrationId) {
        return Optional.ofNullable(em.find(Administration.class, administrationId)).map(Administration::kind);
    }

    /** Locks the vials' rows in a fixed order, and their lots' rows for share, so that no decision on a lot passes a dose. */
    Map<UUID, Vial> lock(Set<UUID> vialIds) {
        List<UUID> order = vialIds.stream().sorted().toList();
        Map<UUID, Vial> locked = new LinkedHashMap<>();
        for (UUID id : order) {
            locked.put(id, em.find(Vial.class, id, LockModeType.PESSIMISTIC_WRITE));
        }
        em.createNativeQuery("SELECT id FROM lot WHERE id IN (SELECT lot_id FROM vial WHERE id = ANY(?1)) ORDER BY id FOR SHARE")
                .setParameter(1, order.toArray(UUID[]::new)).getResultList();
        return locked;
    }

    /**
     * Each vial checked by the scan's rules under the lock, with the number of its next use; {@code held} are vials the
     * dose may name although they are out of stock (a replaced dose's own), each with the use number to write. Throws
     * VIAL_BLOCKED naming every vial that may not be given.
     */
    List<Administration.Use> checkedUses(DoseKind kind, Map<UUID, String> barcodes, Administration.Details details, Map<UUID, Integer> held,
                                         Map<UUID, VialFacts> facts, Set<Caution> warnings) {
        Map<UUID, Integer> next = nextUses(barcodes.keySet());
        Set<Block> reasons = new LinkedHashSet<>();
        List<String> blockedVials = new ArrayList<>();
        List<Administration.Use> uses = new ArrayList<>();
        for (Map.Entry<UUID, String> ref : barcodes.entrySet()) {
            Integer heldUse = held.get(ref.getKey());
            VialFacts vial;
            if (heldUse == null) {
                Optional<Gs1Label> label = Optional.ofNullable(ref.getValue()).flatMap(b -> scanning.read(b, new StringBuilder()));
                Scanning.Checked checked = scanning.check(ref.getKey(), label, Optional.of(details.route()), kind == DoseKind.DISPENSED)
                        .orElseThrow();
                vial = checked.vial();
                Verdict verdict = checked.verdict();
                reasons.addAll(verdict.reasons());
                warnings.addAll(verdict.warnings());
                if (!verdict.ok()) {
                    blockedVials.add(vial.serial() + " " + verdict.reasons());
                }
            } else {
                vial = scanning.facts(ref.getKey()).orElseThrow();
            }
            facts.put(vial.vialId(), vial);
            uses.add(new Administration.Use(vial, ref.getValue(), heldUse != null ? heldUse : next.getOrDefault(vial.vialId(), 1)));
        }
        if (!reasons.isEmpty()) {
            throw blocked(List.copyOf(reasons), "vial " + String.join("; ", blockedVials) + " may not be given: nothing was recorded");
        }
        return uses;
    }

    /** The number of each vial's next use: one more than its last (V26), 1 for a vial never used. */
    private Map<UUID, Integer> nextUses(Set<UUID> vialIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT vial_id, max(use_number) FROM administration_vial WHERE vial_id = ANY(?1) GROUP BY vial_id")
                .setParameter(1, vialIds.toArray(UUID[]::new)).getResultList();
        Map<UUID, Integer> next = new LinkedHashMap<>();
        rows.forEach(r -> next.put(UUID.fromString(r[0].toString()), ((Number) r[1]).intValue() + 1));
        return next;
    }

    /**
     * Writes the dose, its vial rows and the ledger rows of the vials it takes out of stock (all but {@code held}, which a
     * replaced dose had already taken), and its audit entry ({@code corrects}: the dose it replaces).
     */
    void write(Administration dose, Map<UUID, Vial> locked, Set<UUID> held, Map<UUID, VialFacts> facts, String actor, Instant now,
               Optional<UUID> corrects) {
        DoseKind kind = dose.kind();
        em.persist(dose);
        em.flush(); // the vial rows reference the dose by id only: EclipseLink cannot order the inserts itself
        JsonArrayBuilder vialsJson = Json.createArrayBuilder();
        for (AdministeredVial row : dose.vials()) {
            em.persist(row);
            if (!held.contains(row.vialId())) {
                Vial vial = locked.get(row.vialId());
                em.persist(kind == DoseKind.DISPENSED
                        ? vial.dispense(dose.id().toString(), actor, now)
                        : vial.administer(dose.id().toString(), row.remainderMl(), actor, now));
            }
            VialFacts f = facts.get(row.vialId());
            vialsJson.add(Json.createObjectBuilder().add("vialId", f.vialId().toString()).add("serial", f.serial())
                    .add("lot", f.lotNumber()).add("product", f.productCode()).add("volumeMl", row.volumeMl().toPlainString())
                    .add("remainderMl", row.remainderMl().toPlainString()).add("scanned", row.scanned()));
        }
        JsonObjectBuilder entry = Json.createObjectBuilder().add("patientId", dose.patientId()).add("route", dose.route().name())
                .add("volumeMl", dose.volumeMl().toPlainString()).add("particles", dose.particles())
                .add("purpose", dose.purpose().name()).add("administeredAt", dose.administeredAt().toString())
                .add("vials", vialsJson);
        corrects.ifPresent(id -> entry.add("corrects", id.toString()));
        audit.record(actor, kind == DoseKind.DISPENSED ? "DOSE_DISPENSED" : "DOSE_ADMINISTERED", "administration", dose.id().toString(),
                entry.build());
    }

    /** The correction that voided or replaced the dose, if one did. */
    Optional<DoseCorrection> correctionOf(UUID administrationId) {
        return correction("correctedId", administrationId);
    }

    /** The correction whose {@code field} (correctedId or replacementId) names the dose. */
    private Optional<DoseCorrection> correction(String field, UUID administrationId) {
        return em.createQuery("SELECT c FROM DoseCorrection c WHERE c." + field + " = :id", DoseCorrection.class)
                .setParameter("id", administrationId).getResultStream().findFirst();
    }

    /** The provision-record fields this clinic requires are all given. */
    void requireProvisionFields(Administration.Details details) {
        requireProvisionFields(requiredFields, details);
    }

    private Optional<Recorded> replay(String nurse, String key, String requestHash, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, administration_id FROM idempotency_key"
                        + " WHERE nurse = ?1 AND key = ?2 AND created_at > ?3")
                .setParameter(1, nurse).setParameter(2, key).setParameter(3, Timestamp.from(now.minus(KEY_LIFETIME))).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!rows.get(0)[0].toString().trim().equals(requestHash)) {
            throw DomainError.invalid("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key",
                    "this key already recorded a different dose: send a new key for a new dose");
        }
        UUID id = UUID.fromString(rows.get(0)[1].toString());
        return find(id).map(r -> new Recorded(r.dose(), r.vials(), true, r.correctedBy(), r.replacing()));
    }

    /** The vial ids of the request, each with the barcode it was scanned by (null when chosen by hand). */
    Map<UUID, String> resolve(List<VialRef> refs) {
        Map<UUID, String> vials = new LinkedHashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            VialRef ref = refs.get(i);
            VialFacts vial;
            if (ref.barcode() != null) {
                StringBuilder why = new StringBuilder();
                Gs1Label label = scanning.read(ref.barcode(), why)
                        .orElseThrow(() -> blocked(List.of(Block.BARCODE_INVALID), "the barcode cannot be read: " + why));
                vial = scanning.facts(label).orElseThrow(() -> blocked(List.of(Block.UNKNOWN_VIAL), "no vial with GTIN "
                        + label.gtin().value() + " and serial " + label.serial().orElseThrow()));
            } else {
                vial = scanning.facts(ref.vialId()).orElseThrow(() -> blocked(List.of(Block.UNKNOWN_VIAL), "no vial " + ref.vialId()));
            }
            if (!seen.add(vial.vialId())) {
                throw DomainError.invalid("vials[" + i + "]", "vial " + vial.serial() + " is named twice");
            }
            vials.put(vial.vialId(), ref.barcode());
        }
        return vials;
    }

    /** The provision-record fields every dose must carry in this clinic ({@code exotrace.administration.required-fields}). */
    public List<String> requiredFields() {
        return requiredFields.map(f -> Arrays.stream(f.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
                .orElse(List.of());
    }

    public Duration lateEntryWindow() {
        return lateEntryWindow;
    }

    /** The provision-record fields this clinic requires ({@code exotrace.administration.required-fields}) are all given. */
    static void requireProvisionFields(Optional<String> required, Administration.Details d) {
        for (String field : required.map(f -> f.split(",")).orElse(new String[0])) {
            String value = switch (field.strip()) {
                case "physician" -> d.physician();
                case "consentRef" -> d.consentRef();
                case "provisionPlanNumber" -> d.provisionPlanNumber();
                default -> "not a field of a dose: ignored";
            };
            if (value == null || value.isBlank()) {
                throw DomainError.invalid(field.strip(), "this clinic records it with every dose (exotrace.administration.required-fields)");
            }
        }
    }

    private static DomainError blocked(List<Block> reasons, String detail) {
        return DomainError.blocked("VIAL_BLOCKED", "The vial may not be given", detail, reasons.stream().map(Enum::name).toList());
    }
}
