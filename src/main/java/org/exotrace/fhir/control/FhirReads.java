package org.exotrace.fhir.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.platform.control.DatabaseConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads vials and doses for the FHIR interface over plain JDBC from the tables of {@code lot}, {@code catalog},
 * {@code qc}, {@code vial} and {@code bedside}: a page is a few indexed queries, not one per row. Reads that
 * name patients are audited as their REST equivalents are.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FhirReads {

    /** The assay whose current result is a vial's {@code particle-count} property. */
    static final String PARTICLE_COUNT = "PARTICLE_COUNT";

    private static final String VIALS = """
            SELECT v.id, v.serial, v.gtin, v.state, l.lot_number, l.status, l.expires_on, l.donor_source, p.code, p.name, p.volume_ml,
                   p.particles_per_vial, c.code, c.name, c.licence_number, c.country, l.id
              FROM vial v JOIN lot l ON l.id = v.lot_id JOIN product p ON p.id = l.product_id JOIN cpc c ON c.id = l.cpc_id
            """;

    private static final String DOSES = """
            SELECT a.id, a.kind, a.patient_id, a.administered_at, a.recorded_at, a.route, a.site, a.site_detail, a.volume_ml, a.purpose,
                   a.indication, a.nurse
              FROM administration a
            """;

    /** Doses of the clinic only: a home-use dispense is not a MedicationAdministration (ADR 0014). */
    private static final String ADMINISTERED = " a.kind = 'ADMINISTERED'";
    private static final String OF_PATIENT = " AND a.patient_id = ?";
    private static final String OF_LOT = " AND a.id IN (SELECT av.administration_id FROM administration_vial av JOIN lot l ON l.id = av.lot_id"
            + " WHERE l.lot_number = ?)";

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

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
            SELECT av.vial_id, a.id, a.patient_id, a.administered_at, a.route, av.volume_ml, a.nurse, av.serial, l.lot_number, p.name
              FROM administration a JOIN administration_vial av ON av.administration_id = a.id JOIN lot l ON l.id = av.lot_id
              JOIN product p ON p.id = l.product_id
             WHERE a.kind = 'DISPENSED'
            """;

    /** One vial dispensed for home use, read by {@code reader}: audited as {@code DOSE_READ} (subject the patient). */
    @Transactional
    public Optional<FhirRows.Dispense> dispense(UUID vialId, String reader) {
        Optional<FhirRows.Dispense> found = dispenses(DISPENSES + " AND av.vial_id = ?", List.of(vialId)).stream().findFirst();
        found.ifPresent(d -> audit.record(reader, "DOSE_READ", "patient", d.patientId(), Json.createObjectBuilder()
                .add("administrationId", d.administrationId().toString()).add("interface", "FHIR").build()));
        return found;
    }

    /** A patient's vials dispensed for home use, newest first: audited as {@code PATIENT_DOSES_READ}. */
    @Transactional
    public FhirRows.Page<FhirRows.Dispense> dispensesOf(String patientId, int count, long offset, String reader) {
        long total = count("""
                SELECT count(*) FROM administration a JOIN administration_vial av ON av.administration_id = a.id
                 WHERE a.kind = 'DISPENSED' AND a.patient_id = ?""", List.of(patientId));
        List<FhirRows.Dispense> rows = count == 0 || offset >= total ? List.of()
                : dispenses(DISPENSES + " AND a.patient_id = ? ORDER BY a.administered_at DESC, a.id, av.position LIMIT ? OFFSET ?",
                List.of(patientId, count, offset));
        audit.record(reader, "PATIENT_DOSES_READ", "patient", patientId, Json.createObjectBuilder().add("interface", "FHIR")
                .add("dispensedVials", total).build());
        return new FhirRows.Page<>(rows, total);
    }

    private List<FhirRows.Dispense> dispenses(String sql, List<Object> parameters) {
        List<FhirRows.Dispense> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            read(c, sql, parameters, r -> rows.add(new FhirRows.Dispense((UUID) r.getObject(1), (UUID) r.getObject(2), r.getString(3),
                    r.getTimestamp(4).toInstant(), r.getString(5), r.getBigDecimal(6), r.getString(7), r.getString(8), r.getString(9),
                    r.getString(10))));
        } catch (SQLException e) {
            throw new PersistenceException("reading dispenses for FHIR", e);
        }
        return rows;
    }

    private List<FhirRows.Vial> vials(String sql, List<Object> parameters) {
        List<FhirRows.Vial> rows = new ArrayList<>();
        Map<UUID, UUID> lotOf = new HashMap<>();
        Map<UUID, FhirRows.ParticleCount> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            read(c, sql, parameters, r -> {
                FhirRows.Vial v = new FhirRows.Vial((UUID) r.getObject(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getDate(7).toLocalDate(), r.getString(8), r.getString(9), r.getString(10), r.getBigDecimal(11),
                        r.getLong(12), r.getString(13), r.getString(14), r.getString(15), r.getString(16), null);
                rows.add(v);
                lotOf.put(v.vialId(), (UUID) r.getObject(17));
            });
            if (!rows.isEmpty()) {
                read(c, """
                        SELECT r.lot_id, r.value, r.unit, r.judgement FROM qc_result r
                         WHERE r.lot_id = ANY (?) AND r.assay = ? AND r.value IS NOT NULL
                           AND NOT EXISTS (SELECT 1 FROM qc_result s WHERE s.supersedes = r.id)
                         ORDER BY r.entered_at""", List.of(c.createArrayOf("uuid", lotOf.values().stream().distinct().toArray()), PARTICLE_COUNT),
                        r -> counts.put((UUID) r.getObject(1), new FhirRows.ParticleCount(r.getBigDecimal(2), r.getString(3), r.getString(4))));
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading vials for FHIR", e);
        }
        return rows.stream().map(v -> v.withParticleCount(counts.get(lotOf.get(v.vialId())))).toList();
    }

    private List<FhirRows.Dose> doses(String sql, List<Object> parameters) {
        Map<UUID, FhirRows.Dose> doses = new LinkedHashMap<>();
        Map<UUID, List<FhirRows.DoseVial>> vials = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            read(c, sql, parameters, r -> doses.put((UUID) r.getObject(1), new FhirRows.Dose((UUID) r.getObject(1), r.getString(2),
                    r.getString(3), r.getTimestamp(4).toInstant(), r.getTimestamp(5).toInstant(), r.getString(6), r.getString(7),
                    r.getString(8), r.getBigDecimal(9), r.getString(10), r.getString(11), r.getString(12), List.of())));
            if (!doses.isEmpty()) {
                read(c, """
                        SELECT av.administration_id, av.vial_id, av.serial, l.lot_number, p.gtin, p.code, p.name, av.volume_ml
                          FROM administration_vial av JOIN lot l ON l.id = av.lot_id JOIN product p ON p.id = l.product_id
                         WHERE av.administration_id = ANY (?) ORDER BY av.administration_id, av.position""",
                        List.of(c.createArrayOf("uuid", doses.keySet().toArray(UUID[]::new))),
                        r -> vials.computeIfAbsent((UUID) r.getObject(1), k -> new ArrayList<>()).add(new FhirRows.DoseVial((UUID) r.getObject(2),
                                r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getBigDecimal(8))));
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading doses for FHIR", e);
        }
        return doses.values().stream().map(d -> d.withVials(vials.getOrDefault(d.id(), List.of()))).toList();
    }

    private long count(String sql, List<Object> parameters) {
        long[] total = {0};
        try (Connection c = dataSource.getConnection()) {
            read(c, sql, parameters, r -> total[0] = r.getLong(1));
        } catch (SQLException e) {
            throw new PersistenceException("counting for FHIR", e);
        }
        return total[0];
    }

    /** One row of a JDBC result. */
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void read(Connection c, String sql, List<Object> parameters, RowReader reader) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                st.setObject(i + 1, parameters.get(i));
            }
            st.setFetchSize(1_000);
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }
}
