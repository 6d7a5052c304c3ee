/**
 * HL7 FHIR R5 read-only interface for a clinic's EMR, under {@code /fhir}: each vial as a
 * {@code BiologicallyDerivedProduct} (GTIN and serial, lot, CPC, expiry, availability, the lot's
 * quality status and its particle count), each dose given at the clinic as a
 * {@code MedicationAdministration} (patient, time, nurse, route, site, volume, the vials used), searches
 * by lot and by patient as paged {@code searchset} Bundles, and the {@code CapabilityStatement}. The patient is a
 * logical reference by the clinic's identifier (no {@code Patient} is served); no array is ever empty; {@code _format}
 * wins over {@code Accept} on every address, JSON only (ADR 0033).
 *
 * <p>Rules: the same roles read as on the REST API (a vial like the forward trace: QA, INTEGRATION; doses
 * like a patient's doses: NURSE, QA, INTEGRATION) and the same reads are audited ({@code DOSE_READ},
 * {@code PATIENT_DOSES_READ}, {@code LOT_TRACE_READ}); the JSON is written by hand with JSON-P (ADR 0014)
 * and errors under {@code /fhir} are {@code OperationOutcome}s, except 401 and 403, which stay problem+json.
 * It reads the other capabilities' tables and writes nothing but audit entries.
 */
package org.exotrace.fhir;
