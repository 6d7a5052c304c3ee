package org.exotrace.fhir.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The server's {@code CapabilityStatement}: open to anyone, as FHIR clients read it before they sign in. It says what is
 * served, with which search parameters, and that every other call needs a bearer token.
 */
@Path("metadata")
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class MetadataResource {

    /** When this server's capabilities last changed: its start. */
    private static final Instant STARTED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Context
    UriInfo uri;

    @GET
    @PermitAll
    @Operation(summary = "FHIR R5 CapabilityStatement (no token needed)",
            extensions = @Extension(name = "x-roles", value = "[]", parseValue = true),
            description = "fhirVersion 5.0.0, format json; BiologicallyDerivedProduct (read; search by lot or biological-source-event) and "
                    + "MedicationAdministration (read; search by patient and/or lot) and BiologicallyDerivedProductDispense (read; search by patient), each with _count and _offset.")
    @APIResponse(responseCode = "200", description = "the CapabilityStatement", content = @Content(mediaType = Fhir.MEDIA_TYPE,
            examples = @ExampleObject(name = "capabilities", value = "{\"resourceType\":\"CapabilityStatement\",\"fhirVersion\":\"5.0.0\","
                    + "\"format\":[\"json\"]}")))
    public Response capabilities() {
        return Fhir.ok(capabilityStatement(uri.getBaseUri().toString()));
    }

    static JsonObject capabilityStatement(String base) {
        return Json.createObjectBuilder()
                .add("resourceType", "CapabilityStatement")
                .add("url", base + "metadata")
                .add("name", "ExoTraceFhir")
                .add("title", "ExoTrace FHIR R5 interface")
                .add("status", "active")
                .add("date", STARTED.toString())
                .add("publisher", "ExoTrace")
                .add("description", "Read-only: exosome vials as BiologicallyDerivedProduct, doses given at the clinic as "
                        + "MedicationAdministration, vials dispensed for home use as BiologicallyDerivedProductDispense. Errors are OperationOutcome, except 401 and 403 (application/problem+json).")
                .add("kind", "instance")
                .add("software", Json.createObjectBuilder().add("name", "ExoTrace"))
                .add("implementation", Json.createObjectBuilder().add("description", "ExoTrace FHIR interface").add("url", base))
                .add("fhirVersion", "5.0.0")
                .add("format", Json.createArrayBuilder().add("json").add(Fhir.MEDIA_TYPE))
                .add("rest", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("mode", "server")
                        .add("security", Json.createObjectBuilder().add("description", "Authorization: Bearer <token> from POST /api/auth/token "
                                + "(MicroProfile JWT). Vials: roles QA, INTEGRATION; doses: NURSE, QA, INTEGRATION (a lot's doses: QA, "
                                + "INTEGRATION). This statement needs no token."))
                        .add("resource", Json.createArrayBuilder()
                                .add(resource(BiologicallyDerivedProductResource.TYPE, Json.createArrayBuilder()
                                        .add(searchParam(BiologicallyDerivedProductResource.LOT, "token", "the lot number (urn:exotrace:lot-number)"))
                                        .add(searchParam(BiologicallyDerivedProductResource.SOURCE_EVENT, "token", "the lot number, as R5 names it")
                                                .add("definition", "http://hl7.org/fhir/SearchParameter/BiologicallyDerivedProduct-biological-source-event"))))
                                .add(resource(MedicationAdministrationResource.TYPE, Json.createArrayBuilder()
                                        .add(searchParam(MedicationAdministrationResource.PATIENT, "reference", "the clinic's patient id")
                                                .add("definition", "http://hl7.org/fhir/SearchParameter/clinical-patient"))
                                        .add(searchParam(MedicationAdministrationResource.LOT, "token", "the lot number of a vial used"))))
                                .add(resource(BiologicallyDerivedProductDispenseResource.TYPE, Json.createArrayBuilder()
                                        .add(searchParam(BiologicallyDerivedProductDispenseResource.PATIENT, "reference", "the clinic's patient id")
                                                .add("definition", "http://hl7.org/fhir/SearchParameter/BiologicallyDerivedProductDispense-patient")))))))
                .build();
    }

    private static JsonObject resource(String type, JsonArrayBuilder searchParams) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("interaction", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("code", "read"))
                        .add(Json.createObjectBuilder().add("code", "search-type")))
                .add("searchParam", searchParams
                        .add(searchParam(Fhir.COUNT, "number", "page size: default " + Fhir.DEFAULT_COUNT + ", at most " + Fhir.MAX_COUNT))
                        .add(searchParam(Fhir.OFFSET, "number", "rows to skip; the Bundle's next link carries it")))
                .build();
    }

    private static jakarta.json.JsonObjectBuilder searchParam(String name, String type, String documentation) {
        return Json.createObjectBuilder().add("name", name).add("type", type).add("documentation", documentation);
    }
}
