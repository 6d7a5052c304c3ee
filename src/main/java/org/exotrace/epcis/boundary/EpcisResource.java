package org.exotrace.epcis.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.exotrace.epcis.control.LotEvents;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.entity.Role;

import java.util.Map;

/** A lot's life as a GS1 EPCIS 2.0 document, for a CPC, a regulator or another traceability system. */
@Path("epcis")
public class EpcisResource {

    public static final String JSON_LD = "application/ld+json";

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private static final String EXAMPLE = """
            {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0",
             "creationDate":"2026-11-25T10:00:00Z",
             "epcisHeader":{"epcisMasterData":{"vocabularyList":[{"type":"urn:epcglobal:epcis:vtype:EPCClass","vocabularyElementList":[
              {"id":"urn:epc:class:lgtin:4912345.000001.NFC2611A","attributes":[{"id":"urn:epcglobal:cbv:mda#lotNumber","attribute":"NFC2611A"},
               {"id":"urn:epcglobal:cbv:mda#itemExpirationDate","attribute":"2027-05-31"}]}]}]}},
             "epcisBody":{"eventList":[
              {"type":"ObjectEvent","eventTime":"2026-11-02T01:00:00Z","eventTimeZoneOffset":"+09:00",
               "eventID":"urn:uuid:4f0b5c51-3f7e-3a55-a3d5-0d0c1e9f6a10",
               "epcList":["urn:epc:id:sgtin:4912345.000001.0001","urn:epc:id:sgtin:4912345.000001.0002"],
               "action":"OBSERVE","bizStep":"receiving","disposition":"in_progress",
               "readPoint":{"id":"urn:epc:id:sgln:4912345.00000.FREEZER-1"},"bizLocation":{"id":"urn:epc:id:sgln:4912345.00000.FREEZER-1"}},
              {"type":"ObjectEvent","eventTime":"2026-11-20T03:10:00Z","eventTimeZoneOffset":"+09:00",
               "eventID":"urn:uuid:9a3c1b7e-2d4f-3c6b-8e1a-5b7d9f0a2c4e","epcList":["urn:epc:id:sgtin:4912345.000001.0001"],
               "action":"OBSERVE","bizStep":"dispensing","disposition":"dispensed","readPoint":{"id":"urn:epc:id:sgln:4912345.00000.FREEZER-1"}}]}}""";


    @Inject
    LotEvents events;

    @Context
    SecurityContext caller;

    @Context
    HttpHeaders headers;

    @GET
    @Path("events")
    @Produces({JSON_LD, MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "A lot's life as an EPCIS 2.0 JSON-LD document of ObjectEvents",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"INTEGRATION\"]", parseValue = true),
            description = "Vials as SGTIN EPC URIs (GTIN split by exotrace.epcis.company-prefix-length); the lot's LGTIN with "
                    + "urn:epcglobal:cbv:mda#lotNumber and #itemExpirationDate as master data in epcisHeader. receiving (in_progress) at receipt; "
                    + "storing (in_progress) on a move; cycle_counting at a count; dispensing (dispensed) at a dose given or dispensed; "
                    + "destroying (destroyed) at waste; inspecting at release (conformant) and rejection (non_conformant); holding "
                    + "(recalled) at a recall, naming the vials then on hand; all OBSERVE. Vials sharing one ledger event are one "
                    + "event's epcList. readPoint is the storage place as an SGLN under the clinic's GLN (exotrace.clinic.gln) with the "
                    + "place as extension, bizLocation the place while the vials stay in stock (the site for QA's decisions); without "
                    + "a configured GLN neither is written. No patient is named. Audited as LOT_EPCIS_READ. "
                    + "404 NOT_FOUND for an unknown lot; 409 LOT_AMBIGUOUS when two products share the number (add productCode); "
                    + "422 VALIDATION_FAILED without lot.")
    @APIResponse(responseCode = "200", description = "the EPCISDocument",
            content = {@Content(mediaType = JSON_LD, examples = @ExampleObject(name = "a lot received and one vial given", value = EXAMPLE)),
                    @Content(mediaType = MediaType.APPLICATION_JSON)})
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot")
    @APIResponse(responseCode = "409", description = "LOT_AMBIGUOUS: several products have this lot number; add productCode")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: lot missing")
    public Response events(@Parameter(description = "the lot number", example = "NFC2611A") @QueryParam("lot") String lot,
                           @Parameter(description = "the product, when two share the lot number") @QueryParam("productCode") String productCode) {
        if (lot == null || lot.isBlank()) {
            throw ProblemException.invalid("lot", "the lot number is required");
        }
        LotEvents.LotIdentity identity = events.open(lot, productCode, caller.getUserPrincipal().getName());
        StreamingOutput body = out -> {
            try (JsonGenerator g = GENERATORS.createGenerator(out)) {
                events.write(identity, g);
            }
        };
        boolean plainJson = headers.getAcceptableMediaTypes().stream().findFirst()
                .filter(m -> m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType()).isPresent();
        return Response.ok(body, plainJson ? MediaType.APPLICATION_JSON : JSON_LD).build();
    }
}
