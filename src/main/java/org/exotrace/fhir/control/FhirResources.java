package org.exotrace.fhir.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.exotrace.lot.entity.Expiry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Turns the service's rows into FHIR R5 JSON ({@code BiologicallyDerivedProduct}, {@code MedicationAdministration},
 * {@code Bundle}, {@code OperationOutcome}). Pure functions; the code systems are named in README "FHIR".
 */
public final class FhirResources {

    public static final String GTIN_SYSTEM = "https://www.gs1.org/gtin";
    public static final String URI_SYSTEM = "urn:ietf:rfc:3986";
    public static final String LOT_SYSTEM = "urn:exotrace:lot-number";
    public static final String PRODUCT_SYSTEM = "urn:exotrace:product";
    public static final String PROPERTY_SYSTEM = "urn:exotrace:property";
    public static final String LOT_STATUS_SYSTEM = "urn:exotrace:lot-status";
    public static final String VIAL_STATE_SYSTEM = "urn:exotrace:vial-state";
    public static final String DONOR_SOURCE_SYSTEM = "urn:exotrace:donor-source";
    public static final String ROUTE_SYSTEM = "urn:exotrace:route";
    public static final String SITE_SYSTEM = "urn:exotrace:site";
    public static final String PURPOSE_SYSTEM = "urn:exotrace:purpose";
    public static final String USER_SYSTEM = "urn:exotrace:user";
    public static final String CPC_SYSTEM = "urn:exotrace:cpc";
    public static final String ADMINISTRATION_SYSTEM = "urn:exotrace:administration";
    public static final String CPC_LICENCE_SYSTEM = "urn:exotrace:cpc-licence";
    public static final String UCUM = "http://unitsofmeasure.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String PRODUCT_CATEGORY = "http://hl7.org/fhir/product-category";
    static final String PRODUCT_STATUS = "http://hl7.org/fhir/biologicallyderived-product-status";
    static final String ADMIN_LOCATION = "http://terminology.hl7.org/CodeSystem/medication-admin-location";
    static final String PERFORM_FUNCTION = "http://terminology.hl7.org/CodeSystem/med-admin-perform-function";

    private static final Map<String, String> DONOR_SOURCES = Map.of("DENTAL_PULP", "dental pulp", "ADIPOSE", "adipose tissue",
            "BONE_MARROW", "bone marrow", "CORD_BLOOD", "umbilical cord blood", "UMBILICAL_CORD", "umbilical cord");

    /** SNOMED CT route of administration, where one says exactly what the service's route (and injection site) say. */
    private static final Map<String, String[]> SNOMED_ROUTES = Map.of(
            "IV_DRIP", new String[]{"47625008", "Intravenous route"},
            "NASAL", new String[]{"46713006", "Nasal route"},
            "EYE_DROP", new String[]{"54485002", "Ophthalmic route"},
            "INJECTION/INTRAMUSCULAR", new String[]{"78421000", "Intramuscular route"},
            "INJECTION/SUBCUTANEOUS", new String[]{"34206005", "Subcutaneous route"});

    private FhirResources() {
    }

    /**
     * A vial as a BiologicallyDerivedProduct. {@code productStatus} is {@code available} only while the vial is in stock,
     * its lot released and not past its expiry on {@code today} (the clinic's date); the lot's status is the
     * {@code quality-status} property (R5 has no {@code qualityStatus} element; R6 adds one).
     */
    public static JsonObject biologicallyDerivedProduct(FhirRows.Vial v, LocalDate today) {
        boolean available = v.state().equals("IN_STOCK") && v.lotStatus().equals("RELEASED") && !Expiry.passed(v.expiresOn(), today);
        JsonArrayBuilder properties = Json.createArrayBuilder()
                .add(property("quality-status", "Lot quality status", Json.createObjectBuilder()
                        .add("valueCodeableConcept", concept(LOT_STATUS_SYSTEM, v.lotStatus(), v.lotStatus().toLowerCase()))))
                .add(property("vial-state", "Vial state", Json.createObjectBuilder()
                        .add("valueCodeableConcept", concept(VIAL_STATE_SYSTEM, v.state(), v.state().toLowerCase().replace('_', ' ')))))
                .add(property("donor-source", "Donor source", Json.createObjectBuilder()
                        .add("valueCodeableConcept", concept(DONOR_SOURCE_SYSTEM, v.donorSource(),
                                DONOR_SOURCES.getOrDefault(v.donorSource(), v.donorSource())))));
        if (v.particleCount() != null) {
            properties.add(property("particle-count", "Particle count (lot QC, " + v.particleCount().judgement() + ")",
                    Json.createObjectBuilder().add("valueQuantity", quantity(v.particleCount().value(), v.particleCount().unit()))));
        }
        properties.add(property("particles-per-vial", "Particles per vial (labelled)", Json.createObjectBuilder()
                        .add("valueQuantity", quantity(BigDecimal.valueOf(v.particlesPerVial()), "particles"))))
                .add(property("volume", "Volume of the vial", Json.createObjectBuilder().add("valueQuantity", quantity(v.volumeMl(), "mL"))));
        return Json.createObjectBuilder()
                .add("resourceType", "BiologicallyDerivedProduct")
                .add("id", v.vialId().toString())
                .add("contained", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("resourceType", "Organization")
                        .add("id", "cpc")
                        .add("identifier", Json.createArrayBuilder()
                                .add(identifier(CPC_SYSTEM, v.cpcCode()))
                                .add(identifier(CPC_LICENCE_SYSTEM, v.cpcLicence())))
                        .add("type", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", "Cell processing centre")))
                        .add("name", v.cpcName())
                        .add("contact", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("address", Json.createObjectBuilder().add("country", v.cpcCountry()))))))
                .add("productCategory", coding(PRODUCT_CATEGORY, "fluid", "Fluid"))
                .add("productCode", Json.createObjectBuilder()
                        .add("coding", Json.createArrayBuilder()
                                .add(coding(GTIN_SYSTEM, v.gtin(), v.productName()))
                                .add(coding(PRODUCT_SYSTEM, v.productCode(), v.productName())))
                        .add("text", v.productName()))
                .add("identifier", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add("type", Json.createObjectBuilder().add("text", "GS1 Digital Link (GTIN and serial)"))
                                .add("system", URI_SYSTEM)
                                .add("value", digitalLink(v.gtin(), v.serial())))
                        .add(Json.createObjectBuilder()
                                .add("type", Json.createObjectBuilder().add("text", "GS1 serial number (AI 21) of GTIN " + v.gtin()))
                                .add("system", serialSystem(v.gtin()))
                                .add("value", v.serial())))
                .add("biologicalSourceEvent", identifier(LOT_SYSTEM, v.lotNumber()))
                .add("processingFacility", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("reference", "#cpc").add("display", v.cpcName())))
                .add("productStatus", coding(PRODUCT_STATUS, available ? "available" : "unavailable", available ? "Available" : "Unavailable"))
                .add("expirationDate", v.expiresOn().toString())
                .add("property", properties)
                .build();
    }

    /** A dose given at the clinic as a MedicationAdministration; each vial it used is a supporting BiologicallyDerivedProduct. */
    public static JsonObject medicationAdministration(FhirRows.Dose d, String patientSystem) {
        FhirRows.DoseVial first = d.vials().get(0);
        JsonArrayBuilder vials = Json.createArrayBuilder();
        d.vials().forEach(v -> vials.add(Json.createObjectBuilder()
                .add("reference", "BiologicallyDerivedProduct/" + v.vialId())
                .add("type", "BiologicallyDerivedProduct")
                .add("display", v.productName() + ", lot " + v.lotNumber() + ", serial " + v.serial())));
        JsonObjectBuilder dosage = Json.createObjectBuilder();
        if (d.site() != null) {
            JsonObjectBuilder site = Json.createObjectBuilder().add("coding", Json.createArrayBuilder()
                    .add(coding(SITE_SYSTEM, d.site(), d.site().toLowerCase())));
            if (d.siteDetail() != null) {
                site.add("text", d.siteDetail());
            }
            dosage.add("site", site);
        }
        JsonArrayBuilder route = Json.createArrayBuilder();
        String[] snomed = SNOMED_ROUTES.getOrDefault(d.route() + (d.site() == null ? "" : "/" + d.site()), SNOMED_ROUTES.get(d.route()));
        if (snomed != null) {
            route.add(coding(SNOMED, snomed[0], snomed[1]));
        }
        route.add(coding(ROUTE_SYSTEM, d.route(), d.route().toLowerCase().replace('_', ' ')));
        dosage.add("route", Json.createObjectBuilder().add("coding", route)).add("dose", quantity(d.volumeMl(), "mL"));
        JsonObjectBuilder reason = Json.createObjectBuilder().add("coding", Json.createArrayBuilder()
                .add(coding(PURPOSE_SYSTEM, d.purpose(), d.purpose().toLowerCase())));
        if (d.indication() != null) {
            reason.add("text", d.indication());
        }
        return Json.createObjectBuilder()
                .add("resourceType", "MedicationAdministration")
                .add("id", d.id().toString())
                .add("status", d.stands() ? "completed" : "entered-in-error")
                .add("category", Json.createArrayBuilder().add(Json.createObjectBuilder().add("coding", Json.createArrayBuilder()
                        .add(coding(ADMIN_LOCATION, "outpatient", "Outpatient")))))
                .add("medication", Json.createObjectBuilder().add("concept", Json.createObjectBuilder()
                        .add("coding", Json.createArrayBuilder()
                                .add(coding(GTIN_SYSTEM, first.gtin(), first.productName()))
                                .add(coding(PRODUCT_SYSTEM, first.productCode(), first.productName())))
                        .add("text", first.productName())))
                .add("subject", patient(d.patientId(), patientSystem))
                .add("supportingInformation", vials)
                .add("occurenceDateTime", d.administeredAt().toString())
                .add("recorded", d.recordedAt().toString())
                .add("performer", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("function", Json.createObjectBuilder().add("coding", Json.createArrayBuilder()
                                .add(coding(PERFORM_FUNCTION, "performer", "Performer"))))
                        .add("actor", Json.createObjectBuilder().add("reference", Json.createObjectBuilder()
                                .add("type", "Practitioner")
                                .add("identifier", identifier(USER_SYSTEM, d.nurse()))
                                .add("display", d.nurse())))))
                .add("reason", Json.createArrayBuilder().add(Json.createObjectBuilder().add("concept", reason)))
                .add("dosage", dosage)
                .build();
    }

    /**
     * A vial handed to the patient for home use as a BiologicallyDerivedProductDispense: the product is the vial, handed over
     * when the dispense was recorded, by the nurse who recorded it.
     */
    public static JsonObject biologicallyDerivedProductDispense(FhirRows.Dispense d, String patientSystem) {
        return Json.createObjectBuilder()
                .add("resourceType", "BiologicallyDerivedProductDispense")
                .add("id", d.vialId().toString())
                .add("identifier", Json.createArrayBuilder().add(identifier(ADMINISTRATION_SYSTEM, d.administrationId().toString())))
                .add("status", d.stands() ? "issued" : "entered-in-error")
                .add("product", Json.createObjectBuilder()
                        .add("reference", "BiologicallyDerivedProduct/" + d.vialId())
                        .add("type", "BiologicallyDerivedProduct")
                        .add("display", d.productName() + ", lot " + d.lotNumber() + ", serial " + d.serial()))
                .add("patient", patient(d.patientId(), patientSystem))
                .add("performer", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("actor", Json.createObjectBuilder()
                                .add("type", "Practitioner")
                                .add("identifier", identifier(USER_SYSTEM, d.nurse()))
                                .add("display", d.nurse()))))
                .add("quantity", quantity(d.volumeMl(), "mL"))
                .add("whenHandedOver", d.handedOverAt().toString())
                .add("usageInstruction", "Home use, route " + d.route().toLowerCase().replace('_', ' '))
                .build();
    }

    /**
     * The patient as a logical reference, by the clinic's id as identifier: the patient lives in the EMR, and this server
     * serves no {@code Patient} a literal {@code Patient/{id}} could resolve to (ADR 0033).
     */
    static JsonObject patient(String patientId, String system) {
        return Json.createObjectBuilder().add("type", "Patient").add("identifier", identifier(system, patientId)).build();
    }

    /** A page of a search as a {@code searchset} Bundle; {@code next} is null on the last page; no {@code entry} when empty (FHIR JSON has no empty arrays). */
    public static JsonObject searchset(long total, String self, String next, String base, String type, List<JsonObject> resources) {
        JsonArrayBuilder links = Json.createArrayBuilder().add(Json.createObjectBuilder().add("relation", "self").add("url", self));
        if (next != null) {
            links.add(Json.createObjectBuilder().add("relation", "next").add("url", next));
        }
        JsonArrayBuilder entries = Json.createArrayBuilder();
        resources.forEach(r -> entries.add(Json.createObjectBuilder()
                .add("fullUrl", base + type + "/" + r.getString("id"))
                .add("resource", r)
                .add("search", Json.createObjectBuilder().add("mode", "match"))));
        JsonObjectBuilder bundle = Json.createObjectBuilder()
                .add("resourceType", "Bundle")
                .add("type", "searchset")
                .add("total", total)
                .add("link", links);
        if (!resources.isEmpty()) {
            bundle.add("entry", entries);
        }
        return bundle.build();
    }

    /** An {@code OperationOutcome} of one error; {@code code} from the FHIR issue-type value set. */
    public static JsonObject operationOutcome(String code, String diagnostics) {
        return Json.createObjectBuilder()
                .add("resourceType", "OperationOutcome")
                .add("issue", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("severity", "error").add("code", code).add("diagnostics", diagnostics)))
                .build();
    }

    /** The GS1 Digital Link URI of one vial: {@code https://id.gs1.org/01/{gtin}/21/{serial}}, the serial percent-encoded. */
    static String digitalLink(String gtin, String serial) {
        return "https://id.gs1.org/01/" + gtin + "/21/" + percentEncoded(serial);
    }

    static String serialSystem(String gtin) {
        return "urn:exotrace:serial:" + gtin;
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static JsonObject property(String code, String display, JsonObjectBuilder value) {
        return value.add("type", Json.createObjectBuilder().add("coding", Json.createArrayBuilder()
                .add(coding(PROPERTY_SYSTEM, code, display)))).build();
    }

    private static JsonObject concept(String system, String code, String display) {
        return Json.createObjectBuilder().add("coding", Json.createArrayBuilder().add(coding(system, code, display))).build();
    }

    static JsonObject coding(String system, String code, String display) {
        return Json.createObjectBuilder().add("system", system).add("code", code).add("display", display).build();
    }

    private static JsonObject identifier(String system, String value) {
        return Json.createObjectBuilder().add("system", system).add("value", value).build();
    }

    /** A quantity in UCUM where the unit is one: {@code mL}, particles per mL ({@code /mL}), a count ({@code 1}). */
    static JsonObject quantity(BigDecimal value, String unit) {
        JsonObjectBuilder q = Json.createObjectBuilder().add("value", value.scale() < 0 ? value.setScale(0) : value).add("unit", unit);
        String ucum = switch (unit) {
            case "mL" -> "mL";
            case "particles/mL" -> "/mL";
            case "particles" -> "1";
            default -> null;
        };
        if (ucum != null) {
            q.add("system", UCUM).add("code", ucum);
        }
        return q.build();
    }
}
