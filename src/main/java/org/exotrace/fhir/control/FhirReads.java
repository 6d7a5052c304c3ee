package org.exotrace.fhir.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.bedside.entity.DoseLine;
import org.exotrace.platform.control.ReportSource;
import org.exotrace.platform.control.Reads;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads vials and doses for the FHIR interface by column name ({@link Reads}): vials from the tables of {@code lot},
 * {@code catalog}, {@code qc} and {@code vial}, doses from {@code administration} and bedside's view {@code dose_line}. A
 * page is a few indexed queries, not one per row. Reads that name patients are audited as their REST equivalents are.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FhirReads {

    /** The assay whose current result is a vial's {@code particle-count} property. */
    static final String PARTICLE_COUNT = "PARTICLE_COUNT";

    private static final String VIALS = """
            SELECT v.id AS vial_id, v.serial, v.gtin, v.state, l.lot_number, l.status AS lot_status, l.expires_on, l.donor_source,
                   p.code AS product_code, p.name AS product_name, p.volume_ml, p.particles_per_vial, c.code AS cpc_code, c.name AS cpc_name,
                   c.licence_number AS cpc_licence, c.country AS cpc_country
              FROM vial v JOIN lot l ON l.id = v.lot_id JOIN product p ON p.id = l.product_id JOIN cpc c ON c.id = l.cpc_id
            """;

    private static final String DOSES = """
            SELECT a.id, a.kind, a.patient_id, a.administered_at, a.recorded_at, a.route, a.site, a.site_detail, a.volume_ml, a.purpose,
                   a.indication, a.nurse, %s AS stands
              FROM administration a
            """.formatted(DoseLine.STANDS);

    /** Doses of the clinic only: a home-use dispense is not a MedicationAdministration (ADR 0014). */
    private static final String ADMINISTERED = " a.kind = 'ADMINISTERED'";
    private static final String OF_PATIENT = " AND a.patient_id = ?";
    private static final String OF_LOT = " AND a.id IN (SELECT administration_id FROM dose_line WHERE lot_number = ?)";

    /** The read replica, or the primary without one (ADR 0042). */
    @Inject
    ReportSource reports;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The clinic's date, for whether a vial is past its expiry. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Optional<FhirRows.Vial> vial(UUID vialId) {
        List<FhirRows.Vial> found = vials(VIALS + " WHERE v.id = ?", List.of(vialId));
        return found.stream().findFirst();
    }

    /** The vials of every lot numbered {@code lotNumber} (of any product), by product and serial. */
    public FhirRows.Page<FhirRows.Vial> vialsOfLot(String lotNumber, int count, long offset) {
        long total = count("SELECT count(*) FROM vial v JOIN lot l ON l.id = v.lot_id WHERE l.lot_number = ?", List.of(lotNumber));
        List<FhirRows.Vial> rows = count == 0 || offset >= total ? List.of()
                : vials(VIALS + " WHERE l.lot_number = ? ORDER BY p.code, v.serial LIMIT ? OFFSET ?", List.of(lotNumber, count, offset));
        return new FhirRows.Page<>(rows, total);
    }

    /** One dose given at the clinic, read by {@code reader}: audited as {@code DOSE_READ} (subject the patient), as on the REST API. */
    @Transactional
    public Optional<FhirRows.Dose> dose(UUID id, String reader) {
        Optional<FhirRows.Dose> dose = doses(DOSES + " WHERE" + ADMINISTERED + " AND a.id = ?", List.of(id)).stream().findFirst();
        dose.ifPresent(d -> audit.record(reader, "DOSE_READ", "patient", d.patientId(), Json.createObjectBuilder()
                .add("administrationId", id.toString()).add("interface", "FHIR").build()));
        return dose;
    }

    /**
     * Doses given at the clinic, newest first, of a patient and/or of a lot number. Audited as the REST API audits
     * the same question: a patient's doses as {@code PATIENT_DOSES_READ}, a lot's as {@code LOT_TRACE_READ}.
     */
    @Transactional
    public FhirRows.Page<FhirRows.Dose> doses(String patientId, String lotNumber, int count, long offset, String reader) {
        StringBuilder where = new StringBuilder(" WHERE" + ADMINISTERED);
        List<Object> parameters = new ArrayList<>();
        if (patientId != null) {
            where.append(OF_PATIENT);
            parameters.add(patientId);
        }
        if (lotNumber != null) {
            where.append(OF_LOT);
            parameters.add(lotNumber);
        }
        long total = count("SELECT count(*) FROM administration a" + where, parameters);
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(count);
        paged.add(offset);
        List<FhirRows.Dose> rows = count == 0 || offset >= total ? List.of()
                : doses(DOSES + where + " ORDER BY a.administered_at DESC, a.id LIMIT ? OFFSET ?", paged);
        var details = Json.createObjectBuilder().add("interface", "FHIR").add("doses", total);
        if (patientId != null) {
            if (lotNumber != null) {
                details.add("lotNumber", lotNumber);
            }
            audit.record(reader, "PATIENT_DOSES_READ", "patient", patientId, details.build());
        } else {
            audit.record(reader, "LOT_TRACE_READ", "lot", lotNumber, details.build());
        }
        return new FhirRows.Page<>(rows, total);
    }

    private static final String DISPENSES = """
            SELECT vial_id, administration_id, patient_id, administered_at AS handed_over_at, route, vial_volume_ml AS volume_ml, nurse,
                   serial, lot_number, product_name, stands
              FROM dose_line WHERE kind = 'DISPENSED'
            """;
    private static final String DISPENSED_TO = " AND administration_id IN (SELECT id FROM administration WHERE patient_id = ? AND kind = 'DISPENSED')";

    /** One vial dispensed for home use, read by {@code reader}: audited as {@code DOSE_READ} (subject the patient). */
    @Transactional
    public Optional<FhirRows.Dispense> dispense(UUID vialId, String reader) {
        // a vial given back by a voided dispense may be dispensed again: the dispense that stands, else the latest
        Optional<FhirRows.Dispense> found = dispenses(DISPENSES + " AND vial_id = ? ORDER BY stands DESC, administered_at DESC", List.of(vialId))
                .stream().findFirst();
        found.ifPresent(d -> audit.record(reader, "DOSE_READ", "patient", d.patientId(), Json.createObjectBuilder()
                .add("administrationId", d.administrationId().toString()).add("interface", "FHIR").build()));
        return found;
    }

    /** A patient's vials dispensed for home use, newest first: audited as {@code PATIENT_DOSES_READ}. */
    @Transactional
    public FhirRows.Page<FhirRows.Dispense> dispensesOf(String patientId, int count, long offset, String reader) {
        long total = count("SELECT count(*) FROM dose_line WHERE kind = 'DISPENSED'" + DISPENSED_TO, List.of(patientId));
        List<FhirRows.Dispense> rows = count == 0 || offset >= total ? List.of()
                : dispenses(DISPENSES + DISPENSED_TO + " ORDER BY administered_at DESC, administration_id, position LIMIT ? OFFSET ?",
                List.of(patientId, count, offset));
        audit.record(reader, "PATIENT_DOSES_READ", "patient", patientId, Json.createObjectBuilder().add("interface", "FHIR")
                .add("dispensedVials", total).build());
        return new FhirRows.Page<>(rows, total);
    }

    private List<FhirRows.Dispense> dispenses(String sql, List<Object> parameters) {
        return Reads.list(reports.dataSource(), FhirRows.Dispense.class, sql, parameters.toArray());
    }

    /** A lot's current (not superseded) particle count, by lot number and product. */
    private record LotCount(String lotNumber, String productCode, BigDecimal value, String unit, String judgement) {
    }

    private List<FhirRows.Vial> vials(String sql, List<Object> parameters) {
        List<FhirRows.Vial> rows = Reads.list(reports.dataSource(), FhirRows.Vial.class, sql, parameters.toArray());
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, FhirRows.ParticleCount> counts = new HashMap<>();
        for (LotCount c : Reads.list(reports.dataSource(), LotCount.class, """
                SELECT l.lot_number, p.code AS product_code, r.value, r.unit, r.judgement
                  FROM qc_result r JOIN lot l ON l.id = r.lot_id JOIN product p ON p.id = l.product_id
                 WHERE r.lot_id IN (SELECT lot_id FROM vial WHERE id = ANY (?)) AND r.assay = ? AND r.value IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM qc_result s WHERE s.supersedes = r.id)
                 ORDER BY r.entered_at""", rows.stream().map(FhirRows.Vial::vialId).toList(), PARTICLE_COUNT)) {
            counts.put(c.lotNumber() + "\n" + c.productCode(), new FhirRows.ParticleCount(c.value(), c.unit(), c.judgement()));
        }
        return rows.stream().map(v -> v.withParticleCount(counts.get(v.lotNumber() + "\n" + v.productCode()))).toList();
    }

    private List<FhirRows.Dose> doses(String sql, List<Object> parameters) {
        List<FhirRows.Dose> doses = Reads.list(reports.dataSource(), FhirRows.Dose.class, sql, parameters.toArray());
        if (doses.isEmpty()) {
            return doses;
        }
        Map<UUID, List<FhirRows.DoseVial>> vials = new HashMap<>();
        for (DoseLine l : Reads.list(reports.dataSource(), DoseLine.class, """
                SELECT administration_id, vial_id, serial, lot_number, gtin, product_code, product_name, vial_volume_ml
                  FROM dose_line WHERE administration_id = ANY (?) ORDER BY administration_id, position""",
                doses.stream().map(FhirRows.Dose::id).toList())) {
            vials.computeIfAbsent(l.administrationId(), k -> new ArrayList<>()).add(new FhirRows.DoseVial(l.vialId(), l.serial(),
                    l.lotNumber(), l.gtin(), l.productCode(), l.productName(), l.vialVolumeMl()));
        }
        return doses.stream().map(d -> d.withVials(vials.getOrDefault(d.id(), List.of()))).toList();
    }

    private long count(String sql, List<Object> parameters) {
        return Reads.first(reports.dataSource(), Long.class, sql, parameters.toArray()).orElse(0L);
    }
}
