package org.exotrace.bedside.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.exotrace.bedside.control.Dosing;
import org.exotrace.bedside.control.ScanAnswered;
import org.exotrace.bedside.control.Scanning;
import org.exotrace.bedside.entity.Block;
import org.exotrace.bedside.entity.Caution;
import org.exotrace.bedside.entity.VialFacts;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Route;
import org.exotrace.gs1.Gs1Label;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.boundary.Required;
import org.exotrace.security.entity.Role;
import org.exotrace.vial.entity.VialState;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The bedside verdict: may this vial be given now? Records nothing. One instance for the application (ADR 0019): made
 * and injected per request, the resource cost Jersey and Weld more than its verdict did. It holds nothing of a request.
 */
@ApplicationScoped
@Path("scans")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.NURSE_NAME)
public class ScansResource {

    public static class ScanRequest {
        /** What the scanner typed; any text: what cannot be read is a BARCODE_INVALID verdict, not an error. */
        @NotNull
        public String barcode;
        @Pattern(regexp = DoseRequest.PATIENT_ID, message = "1-64 letters, digits, '.', '_' or '-'")
        public String patientId;
        public Route route;
    }

    public record LabelView(String gtin, String lot, String serial, LocalDate expiry) {
        static LabelView of(Gs1Label l) {
            return new LabelView(l.gtin().value(), l.lot().orElse(null), l.serial().orElse(null), l.expiry().orElse(null));
        }
    }

    public record VialView(UUID vialId, String serial, VialState state, String location) {
    }

    public record LotView(String lotNumber, LotStatus status, LocalDate expiresOn, String cpcCode, DonorSource donorSource) {
    }

    public record ProductView(String code, String name, BigDecimal volumeMl, long particlesPerVial, List<Route> routes, boolean homeUse) {
        static ProductView of(VialFacts v) {
            return new ProductView(v.productCode(), v.productName(), v.volumeMl(), v.particlesPerVial(),
                    v.routes().stream().sorted().toList(), v.homeUse());
        }
    }

    public record ScanView(String verdict, List<Block> reasons, List<Caution> warnings, String detail, LabelView label, VialView vial,
                           LotView lot, ProductView product) {
    }

    /** What a scan station needs to know of this clinic's rules. */
    public record Settings(List<String> requiredFields, int expiresSoonDays, String lateEntryWindow, String clinicTimeZone, LocalDate today) {
    }

    @Inject
    Scanning scanning;

    @Inject
    Dosing dosing;

    @Inject
    Clock clock;

    @Inject
    Event<ScanAnswered> answered;

    @GET
    @Path("settings")
    @Operation(summary = "This clinic's bedside rules: provision-record fields every dose must carry, the EXPIRES_SOON window,"
            + " how far back a dose may be entered late, and the clinic's time zone and date",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The rules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Settings.class),
                    examples = @ExampleObject(name = "example", value = "{\"clinicTimeZone\":\"Asia/Tokyo\",\"expiresSoonDays\":30,\"lateEntryWindow\":\"PT12H\",\"requiredFields\":[],"
                        + "\"today\":\"2026-11-26\"}")))
    public Settings settings() {
        return new Settings(dosing.requiredFields(), scanning.expiresSoonDays(), dosing.lateEntryWindow().toString(),
                clock.getZone().getId(), scanning.today());
    }

    @POST
    @Operation(summary = "The bedside verdict for a scanned vial: OK or BLOCKED with every reason, and warnings; records "
            + "nothing",
            description = "barcode: GS1 element string (with or without ]d2, ]C1, ]Q3 and GS separators), bracketed "
                + "(01)...(21)..., or a GS1 Digital Link URI. Reasons: BARCODE_INVALID, UNKNOWN_VIAL, LABEL_MISMATCH, "
                + "LOT_QUARANTINED, LOT_REJECTED, LOT_RECALLED, EXPIRED, ALREADY_USED, ROUTE_NOT_ALLOWED, TEMPERATURE_HOLD. Warnings: "
                + "EXPIRES_SOON, NOT_FIRST_EXPIRY. Any text is a verdict (BARCODE_INVALID), never an error.",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScanRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"barcode\":\"(01)04912345000019(17)270531(10)NFC2611A(21)0002\",\"patientId\":\"P-1001\","
                        + "\"route\":\"IV_DRIP\"}")))
    @APIResponse(responseCode = "200", description = "The verdict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScanView.class),
                    examples = @ExampleObject(name = "example", value = "{\"label\":{\"expiry\":\"2027-05-31\",\"gtin\":\"04912345000019\",\"lot\":\"NFC2611A\",\"serial\":\"0002\"},"
                        + "\"lot\":{\"cpcCode\":\"CPC-TOKYO-1\",\"donorSource\":\"CORD_BLOOD\",\"expiresOn\":\"2027-05-31\","
                        + "\"lotNumber\":\"NFC2611A\",\"status\":\"RELEASED\"},\"product\":{\"code\":\"MAXNFC-2\",\"homeUse\":false,"
                        + "\"name\":\"max NFC 2cc\",\"particlesPerVial\":780000000000,\"routes\":[\"IV_DRIP\",\"INJECTION\"],"
                        + "\"volumeMl\":2.0},\"reasons\":[],\"verdict\":\"OK\",\"vial\":{\"location\":\"FREEZER-1\",\"serial\":\"0002\","
                        + "\"state\":\"IN_STOCK\",\"vialId\":\"5d51d971-b656-4a72-8d28-56c366671400\"},\"warnings\":[]}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no barcode, a patientId not of 1-64 letters, digits, '.', '_' or '-', or an "
            + "unknown route")
    public ScanView scan(@Valid @Required ScanRequest request) {
        Scanning.Scan scan = scanning.scan(request.barcode, Optional.ofNullable(request.route), false);
        Optional<VialFacts> v = scan.vial();
        answered.fire(new ScanAnswered(scan.verdict()));
        return new ScanView(scan.verdict().ok() ? "OK" : "BLOCKED", scan.verdict().reasons(), scan.verdict().warnings(),
                scan.detail().orElse(null), scan.label().map(LabelView::of).orElse(null),
                v.map(f -> new VialView(f.vialId(), f.serial(), f.state(), f.location())).orElse(null),
                v.map(f -> new LotView(f.lotNumber(), f.lotStatus(), f.expiresOn(), f.cpcCode(), f.donorSource())).orElse(null),
                v.map(ProductView::of).orElse(null));
    }
}
