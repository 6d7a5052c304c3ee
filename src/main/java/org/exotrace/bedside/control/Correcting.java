package org.exotrace.bedside.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.bedside.entity.AdministeredVial;
import org.exotrace.bedside.entity.Administration;
import org.exotrace.bedside.entity.Caution;
import org.exotrace.bedside.entity.DoseCorrection;
import org.exotrace.bedside.entity.VialFacts;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.error.DomainError;
import org.exotrace.security.control.Signatures;
import org.exotrace.vial.control.Stock;
import org.exotrace.vial.entity.StockMovement;
import org.exotrace.vial.entity.Vial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Correcting a dose recorded in error (ADR 0040): voided, or replaced by a new dose. Signed with the corrector's
 * password. The dose's vials and any new ones are locked as a dose locks them, so that a correction and a new dose of
 * one vial, or two corrections of one dose, end in one consistent state; the database's unique keys and the standing-use
 * trigger (V26) decide if anything gets past. The vials the dose no longer uses go back to stock when never opened, or
 * are wasted as RECORDED_IN_ERROR.
 */
@ApplicationScoped
@Transactional
public class Correcting {

    /** What a replacement says was given; {@code vials} empty means the corrected dose's own. */
    public record Replacement(Administration.Details details, List<Dosing.VialRef> vials) {
    }

    /** The correction, the dose it corrected, its replacement, and the ledger rows of the vials the dose gave back. */
    public record Corrected(DoseCorrection correction, Dosing.Recorded corrected, Optional<Dosing.Recorded> replacement,
                            List<StockMovement> returned) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Dosing dosing;

    @Inject
    Stock stock;

    @Inject
    Signatures signatures;

    @Inject
    AuditTrail audit;

    @Inject
    Event<DoseCorrected> corrected;

    @Inject
    Clock clock;

    /** How long after recording it a nurse may correct her own dose (her shift); QA corrects any dose at any time. */
    @Inject
    @ConfigProperty(name = "exotrace.correction.nurse-window", defaultValue = "PT12H")
    Duration nurseWindow;

    public Corrected correct(UUID doseId, String reason, boolean vialOpened, Optional<Replacement> replacement, String caller, boolean qa,
                             String password, String address) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Dosing.Recorded original = dosing.find(doseId).orElseThrow(() -> DomainError.notFound("administration", doseId.toString()));
        Administration dose = original.dose();
        DoseCorrection.requireMayCorrect(dose, original.correctedBy(), caller, qa, now, nurseWindow);
        signatures.require(caller, password, address, "the correction of dose " + doseId);

        Map<UUID, AdministeredVial> own = new LinkedHashMap<>();
        dose.vials().forEach(row -> own.put(row.vialId(), row));
        Map<UUID, String> wanted = replacement.map(r -> r.vials().isEmpty() ? sameVials(dose) : dosing.resolve(r.vials()))
                .orElse(Map.of());
        Set<UUID> all = new HashSet<>(own.keySet());
        all.addAll(wanted.keySet());
        Map<UUID, Vial> locked = dosing.lock(all);
        // under the vials' locks: a correction that got there first is seen now
        DoseCorrection.requireMayCorrect(dose, dosing.correctionOf(doseId), caller, qa, now, nurseWindow);

        Map<UUID, VialFacts> facts = new LinkedHashMap<>(original.vials());
        Optional<Administration> replacing = Optional.empty();
        Set<UUID> held = new HashSet<>();
        if (replacement.isPresent()) {
            Administration.Details d = asGiven(replacement.get().details(), dose, reason);
            dosing.requireProvisionFields(d);
            Map<UUID, Integer> heldUses = new LinkedHashMap<>();
            wanted.keySet().stream().filter(own::containsKey).forEach(id -> heldUses.put(id, own.get(id).useNumber() + 1));
            held.addAll(heldUses.keySet());
            Set<Caution> warnings = new LinkedHashSet<>();
            List<Administration.Use> uses = dosing.checkedUses(dose.kind(), wanted, d, heldUses, facts, warnings);
            // the dose happened when it happened: a replacement is entered late by nature, at any distance
            Administration next = Administration.record(dose.kind(), d, uses, List.copyOf(warnings), dose.nurse(), now,
                    Duration.between(Instant.EPOCH, now));
            dosing.write(next, locked, held, facts, caller, now, Optional.of(doseId));
            replacing = Optional.of(next);
        }
        List<StockMovement> returned = new ArrayList<>();
        for (UUID vialId : own.keySet()) {
            if (!held.contains(vialId)) {
                StockMovement out = stock.latest(vialId).orElseThrow();
                StockMovement back = locked.get(vialId).voidDose(out, vialOpened, reason.strip(), caller, now);
                em.persist(back);
                returned.add(back);
            }
        }
        boolean recalledLot = facts.values().stream().anyMatch(f -> f.lotStatus() == LotStatus.RECALLED);
        DoseCorrection correction = DoseCorrection.of(dose, replacing, reason, vialOpened, recalledLot, caller, now);
        em.persist(correction);
        em.flush();
        audit.record(caller, "DOSE_CORRECTED", "administration", doseId.toString(), entry(dose, correction, returned, facts));
        Set<UUID> lots = new LinkedHashSet<>();
        Stream.concat(dose.vials().stream(), replacing.stream().flatMap(r -> r.vials().stream()))
                .forEach(row -> lots.add(row.lotId()));
        corrected.fire(new DoseCorrected(correction.id(), doseId, correction.action(), List.copyOf(lots), recalledLot));
        Optional<Dosing.Recorded> next = replacing.map(r -> new Dosing.Recorded(r, facts, false, Optional.empty(), Optional.of(correction)));
        return new Corrected(correction, new Dosing.Recorded(dose, original.vials(), false, Optional.of(correction), original.replacing()),
                next, returned);
    }

    /** The replacement as given: when it was given and the late-entry reason default to the corrected dose's. */
    private static Administration.Details asGiven(Administration.Details d, Administration dose, String reason) {
        Instant at = d.administeredAt() != null ? d.administeredAt() : dose.administeredAt();
        String late = d.lateEntryReason() != null ? d.lateEntryReason()
                : dose.lateEntryReason().orElse("correction of dose " + dose.id() + ": " + reason.strip());
        return new Administration.Details(d.patientId(), d.route(), d.site(), d.siteDetail(), d.volumeMl(), d.purpose(), d.indication(),
                d.sessionRef(), d.physician(), d.consentRef(), d.provisionPlanNumber(), at, late);
    }

    private static Map<UUID, String> sameVials(Administration dose) {
        Map<UUID, String> vials = new LinkedHashMap<>();
        dose.vials().forEach(row -> vials.put(row.vialId(), row.barcode().orElse(null)));
        return vials;
    }

    private static jakarta.json.JsonObject entry(Administration dose, DoseCorrection c, List<StockMovement> returned,
                                                 Map<UUID, VialFacts> facts) {
        JsonArrayBuilder vials = Json.createArrayBuilder();
        returned.forEach(m -> vials.add(Json.createObjectBuilder().add("vialId", m.vialId().toString())
                .add("serial", facts.get(m.vialId()).serial()).add("state", m.stateAfter().name()).add("reverses", m.reverses().orElseThrow())));
        JsonObjectBuilder entry = Json.createObjectBuilder().add("correctionId", c.id().toString()).add("action", c.action().name())
                .add("patientId", dose.patientId()).add("reason", c.reason()).add("vialOpened", c.vialOpened())
                .add("recalledLot", c.recalledLot()).add("vialsGivenBack", vials);
        c.replacementId().ifPresent(r -> entry.add("replacementId", r.toString()));
        return entry.build();
    }
}
