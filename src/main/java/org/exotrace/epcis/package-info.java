/**
 * EPCIS 2.0: a lot's life as GS1 EPCIS ObjectEvents in JSON-LD ({@code GET /api/epcis/events?lot=}), read from the
 * append-only stock ledger and QA's lot decisions. Vials are SGTIN EPC URIs built from the product's GTIN and the
 * vial's serial (the GS1 company prefix length is configured); vials that share one ledger event (a receipt, a drip of
 * several vials) are one event's epcList; the lot (LGTIN, lot number, expiry) is the document's master data. Events,
 * by CBV 2.0 and all OBSERVE: receiving at receipt (in_progress; commissioning is the CPC's act), storing on a move,
 * cycle_counting at a count, dispensing at a dose given or dispensed, destroying at waste, inspecting at release
 * (conformant) and rejection (non_conformant), holding with disposition recalled at a recall. Places are SGLNs under
 * the clinic's GLN ({@code exotrace.clinic.gln}, checked at deployment), a storage place as the extension; without a
 * GLN no place is written. No patient appears in an event. The read is audited ({@code LOT_EPCIS_READ}) like the
 * forward trace.
 */
package org.exotrace.epcis;
