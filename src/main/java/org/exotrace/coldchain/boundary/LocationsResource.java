package org.exotrace.coldchain.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.exotrace.coldchain.control.Attention;
import org.exotrace.coldchain.control.ColdChain;
import org.exotrace.coldchain.control.Holds;
import org.exotrace.coldchain.entity.Disposition;
import org.exotrace.coldchain.entity.ExcursionDisposition;
import org.exotrace.coldchain.entity.ExcursionKind;
import org.exotrace.coldchain.entity.PlaceKind;
import org.exotrace.coldchain.entity.Reading;
import org.exotrace.coldchain.entity.StoragePlace;
import org.exotrace.platform.boundary.Instants;
import org.exotrace.platform.boundary.Required;
import org.exotrace.platform.error.DomainError;
import org.exotrace.security.control.SignIns;
import org.exotrace.security.entity.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Storage places, the readings of their data loggers, and their temperature excursions. */
@Path("locations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LocationsResource {

    static final String PLACE_EXAMPLE = "{\"code\":\"FREEZER-1\",\"name\":\"-80 °C freezer, room 2\",\"kind\":\"FREEZER\",\"minC\":-90,"
            + "\"maxC\":-60,\"maxGapMinutes\":15}";
    static final String PLACE_VIEW_EXAMPLE = "{\"code\":\"FREEZER-1\",\"name\":\"-80 °C freezer, room 2\",\"registered\":true,"
            + "\"kind\":\"FREEZER\",\"minC\":-90,\"maxC\":-60,\"maxGapMinutes\":15,\"since\":\"2026-12-01T00:00:00Z\"}";
    static final String IN_USE_EXAMPLE = "{\"code\":\"Shelf B\",\"name\":\"Shelf B\",\"registered\":false,\"since\":\"2026-11-22T09:00:00Z\"}";
    static final String READINGS_EXAMPLE = "{\"loggerId\":\"TL-0042\",\"readings\":[{\"at\":\"2026-12-07T03:15:00+09:00\",\"celsius\":-79.6},"
            + "{\"at\":\"2026-12-07T03:16:00+09:00\",\"celsius\":-79.5}]}";
    static final String READ_ROLES = "[\"INVENTORY\",\"QA\",\"INTEGRATION\"]";
    static final String PERIOD_422 = "VALIDATION_FAILED: from or to not an instant, to before from, a period over 31 days";
    static final String READINGS_ANSWER = "{\"place\":\"FREEZER-1\",\"from\":\"2026-12-06T03:00:00Z\",\"to\":\"2026-12-07T03:00:00Z\","
            + "\"minC\":-90.0,\"maxC\":-60.0,\"items\":[{\"logger\":\"TL-0042\",\"at\":\"2026-12-06T18:15:00Z\",\"celsius\":-79.60,"
            + "\"inRange\":true}]}";
    static final String READINGS_CSV = "place,logger,at,celsius,inRange\r\nFREEZER-1,TL-0042,2026-12-06T18:15:00Z,-79.60,true\r\n";
    static final String EXCURSIONS_ANSWER = "{\"place\":\"FREEZER-1\",\"from\":\"2026-12-06T03:00:00Z\",\"to\":\"2026-12-07T03:00:00Z\","
            + "\"minC\":-90.0,\"maxC\":-60.0,\"items\":[{\"kind\":\"OUT_OF_RANGE\",\"startedAt\":\"2026-12-06T18:10:00Z\","
            + "\"endedAt\":\"2026-12-06T18:20:00Z\",\"lowestC\":-55.00,\"highestC\":-40.00,\"minutes\":10,\"open\":false,"
            + "\"heldVials\":2,\"stillHeld\":0,\"dispositions\":[{\"dispositionId\":\"2b1d0c5e-8f4a-4c1e-9d3b-6a7e5f4c3b2a\","
            + "\"kind\":\"OUT_OF_RANGE\",\"startedAt\":\"2026-12-06T18:10:00Z\",\"decision\":\"RELEASE\",\"justification\":"
            + "\"10 minutes up to -40 °C; stability data allow 30 minutes above -60 °C\",\"vials\":2,\"signedBy\":\"qa-ito\","
            + "\"signedAt\":\"2026-12-07T00:30:00Z\"}]}]}";
    /** A text that starts with '-' is quoted with an apostrophe, as a formula would be ({@code Csv.field}). */
    static final String EXCURSIONS_CSV = "place,placeName,minC,maxC,kind,startedAt,endedAt,open,minutes,lowestC,highestC,heldVials,"
            + "stillHeld,disposition,dispositionVials,justification,signedBy,signedAt,dispositionId\r\nFREEZER-1,\"'-80 °C freezer, room 2\","
            + "-90.0,-60.0,OUT_OF_RANGE,2026-12-06T18:10:00Z,2026-12-06T18:20:00Z,false,10,-55.00,-40.00,2,0,RELEASE,2,\"10 minutes up to "
            + "-40 °C; stability data allow 30 minutes above -60 °C\",qa-ito,2026-12-07T00:30:00Z,2b1d0c5e-8f4a-4c1e-9d3b-6a7e5f4c3b2a\r\n";
    private static final List<Variant> FORMS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf("text/csv")).add()
            .build();
    /** The longest period one read covers. */
    static final Duration MAX_PERIOD = Duration.ofDays(31);

    public static class NewPlace {
        /** Of the place format (ColdChain.CODE), or a location in use exactly as written. */
        @NotBlank
        @Size(max = 64)
        public String code;
        @NotBlank
        @Size(max = 100)
        public String name;
        @NotNull
        public PlaceKind kind;
        @NotNull
        public BigDecimal minC;
        @NotNull
        public BigDecimal maxC;
        public Integer maxGapMinutes;
    }

    public static class NewReading {
        @Size(max = 40)
        public String at;
        public BigDecimal celsius;
    }

    public static class NewReadings {
        @NotNull
        @Size(max = 64)
        public String loggerId;
        @NotNull
        @Size(min = 1, max = ColdChain.MAX_READINGS)
        public List<@NotNull NewReading> readings;
    }

    /** A place; a location in use ({@code registered} false) has no kind, range or gap. */
    public record PlaceView(String code, String name, boolean registered, PlaceKind kind, BigDecimal minC, BigDecimal maxC,
                            Integer maxGapMinutes, Instant since) {
        static PlaceView of(StoragePlace p) {
            return new PlaceView(p.code(), p.name(), p.registered(), p.kind(), p.minC(), p.maxC(), p.maxGapMinutes(), p.createdAt());
        }
    }

    /** The places, by code. */
    public record Places(List<PlaceView> items) {
    }

    /** What a place showed in a period, with the range it keeps (°C). */
    public record InPeriod<T>(String place, Instant from, Instant to, BigDecimal minC, BigDecimal maxC, List<T> items) {
        static <T> InPeriod<T> of(StoragePlace place, Instant[] period, List<T> items) {
            return new InPeriod<>(place.code(), period[0], period[1], place.minC(), place.maxC(), items);
        }
    }

    /** QA's signed disposition of one excursion of the place, named by kind and start. */
    public static class NewDisposition {
        @NotNull
        public ExcursionKind kind;
        @NotBlank
        @Size(max = 40)
        public String startedAt;
        @NotNull
        public Disposition decision;
        @NotBlank
        @Size(min = 3, max = 500)
        public String justification;
        @NotNull
        @Size(min = 1, max = 200)
        public String password;
    }

    /** The held vials of a place, oldest excursion first. */
    public record Held(String place, List<Holds.HeldVial> items) {
    }

    /** A disposition as recorded: the vials whose holds it ended, and those it wasted. */
    public record DispositionView(UUID dispositionId, String place, ExcursionKind kind, Instant startedAt, Disposition decision,
                                  String justification, String signedBy, Instant signedAt, List<UUID> vials, List<UUID> wasted) {
        static DispositionView of(String place, Holds.Disposed d) {
            ExcursionDisposition x = d.disposition();
            return new DispositionView(x.id(), place, x.kind(), x.startedAt(), x.decision(), x.justification(), x.signedBy(), x.signedAt(),
                    d.vials(), d.wasted());
        }
    }

    @Inject
    ColdChain coldChain;

    @Inject
    Holds holds;

    @Inject
    Attention attention;

    @Inject
    SignIns signIns;

    @Context
    HttpServletRequest http;

    @Inject
    Clock clock;

    @Context
    SecurityContext caller;

    @POST
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME})
    @Operation(summary = "Register a storage place with the temperature range it keeps (°C) and how long its loggers may be silent",
            description = "The code is 2-32 upper-case letters, digits or '-', or a location already in use exactly as written (a "
                + "free-text location from before places existed, or one a receipt, move or count used since): that location becomes "
                + "the registered place, and the record of its use stays.",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\",\"QA\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewPlace.class),
            examples = @ExampleObject(name = "example", value = PLACE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaceView.class),
                    examples = @ExampleObject(name = "example", value = PLACE_VIEW_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "LOCATION_EXISTS: a storage place is registered with this code")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: a code not of the format and not a location in use, minC not below maxC, a bound outside -200..100 °C or finer than 0.1, "
            + "maxGapMinutes outside 1..1440")
    public Response register(@Valid @Required NewPlace request, @Context UriInfo uri) {
        StoragePlace place = coldChain.register(request.code, request.name.strip(), request.kind, request.minC, request.maxC,
                request.maxGapMinutes, caller.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(place.code()).build()).entity(PlaceView.of(place)).build();
    }

    @GET
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "The storage places, by code: the registered ones, and the locations in use that no one registered "
            + "(registered false: no kind or range, nothing judged there)", extensions = @Extension(name = "x-roles", value = READ_ROLES, parseValue = true))
    @APIResponse(responseCode = "200", description = "The places",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Places.class),
                    examples = @ExampleObject(name = "example", value = "{\"items\":[" + PLACE_VIEW_EXAMPLE + "," + IN_USE_EXAMPLE + "]}")))
    public Places list() {
        return new Places(coldChain.list().stream().map(PlaceView::of).toList());
    }

    /** The excursions that need attention across places, oldest first. */
    public record NeedingAttention(List<Attention.Needing> items) {
    }

    @GET
    @Path("excursions")
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "What needs attention across places: the excursions open now, and those that ended but still hold vials QA has "
            + "not disposed of, oldest first",
            description = "Holds are made first, so a logger's silence past its place's gap shows with the vials it holds. The inventory "
                + "and QA pages poll it for their banner (ADR 0047).",
            extensions = @Extension(name = "x-roles", value = READ_ROLES, parseValue = true))
    @APIResponse(responseCode = "200", description = "The excursions; endedAt absent while open, heldVials: holds QA has not disposed of",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeedingAttention.class),
                    examples = @ExampleObject(name = "example", value = "{\"items\":[{\"placeCode\":\"FREEZER-1\",\"placeName\":"
                        + "\"-80 °C freezer, room 2\",\"kind\":\"OUT_OF_RANGE\",\"startedAt\":\"2026-12-06T18:10:00Z\",\"endedAt\":"
                        + "\"2026-12-06T18:20:00Z\",\"lowestC\":-55.0,\"highestC\":-40.0,\"heldVials\":12}]}")))
    public NeedingAttention needingAttention() {
        return new NeedingAttention(attention.now());
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "One storage place", extensions = @Extension(name = "x-roles", value = READ_ROLES, parseValue = true))
    @APIResponse(responseCode = "200", description = "The place",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaceView.class),
                    examples = @ExampleObject(name = "example", value = PLACE_VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no storage place has this code")
    public PlaceView get(@PathParam("code") @Size(max = 64) String code) {
        return PlaceView.of(coldChain.place(code));
    }

    @POST
    @Path("{code}/readings")
    @RolesAllowed(Role.INTEGRATION_NAME)
    @Operation(summary = "A data logger's readings of a place: stored once each, in any order (a reading already stored, by logger and time, is "
            + "counted as a duplicate and left as it is)",
            description = "Each time carries its offset. At most 10 000 readings a request.",
            extensions = @Extension(name = "x-roles", value = "[\"INTEGRATION\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewReadings.class),
            examples = @ExampleObject(name = "example", value = READINGS_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "How many readings were new and how many were already stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ColdChain.Received.class),
                    examples = @ExampleObject(name = "example", value = "{\"received\":2,\"duplicates\":0}")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no storage place has this code")
    @APIResponse(responseCode = "409", description = "LOCATION_NOT_REGISTERED: a location in use with no range; nothing is stored")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: a reading's time without its offset, a temperature outside -273.15..200 °C "
            + "or finer than 0.01, a logger id not of its format; nothing is stored")
    public ColdChain.Received receive(@PathParam("code") @Size(max = 64) String code, @Valid @Required NewReadings request) {
        List<Reading> readings = new ArrayList<>(request.readings.size());
        for (int i = 0; i < request.readings.size(); i++) {
            NewReading r = request.readings.get(i);
            readings.add(Reading.of("readings[" + i + "].", request.loggerId, r.at, r.celsius));
        }
        return coldChain.receive(code, readings);
    }

    @POST
    @Path("{code}/readings")
    @Consumes("text/csv")
    @RolesAllowed(Role.INTEGRATION_NAME)
    @Operation(summary = "A data logger's export as CSV: a header row naming loggerId (or ?loggerId=), at (with its offset) and celsius; "
            + "stored as the JSON batch is",
            description = "RFC 4180; a semicolon-separated export with decimal commas is read too. At most 10 000 rows; the first fault "
                + "refuses the file, named by its row.",
            extensions = @Extension(name = "x-roles", value = "[\"INTEGRATION\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "example",
            value = "loggerId,at,celsius\r\nTL-0042,2026-12-07T03:15:00+09:00,-79.6\r\nTL-0042,2026-12-07T03:16:00+09:00,-79.5\r\n")))
    @APIResponse(responseCode = "200", description = "How many readings were new and how many were already stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ColdChain.Received.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no storage place has this code")
    @APIResponse(responseCode = "409", description = "LOCATION_NOT_REGISTERED: a location in use with no range; nothing is stored")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED naming the row (row 4 celsius): a header without at or celsius, "
            + "a time without its offset, a temperature out of range; nothing is stored")
    public ColdChain.Received receiveCsv(@PathParam("code") @Size(max = 64) String code, @QueryParam("loggerId") String loggerId,
                                         String csv) {
        return coldChain.receive(code, ReadingsCsv.parse(csv, loggerId));
    }

    @GET
    @Path("{code}/readings")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "A place's readings in a period, in time order (default the last 24 hours; at most 31 days), each judged against "
            + "the place's range",
            description = "By Accept: application/json (default), text/csv (an RFC 4180 attachment: place, logger, at, celsius, inRange; "
                + "named by place and period).",
            extensions = @Extension(name = "x-roles", value = READ_ROLES, parseValue = true))
    @APIResponse(responseCode = "200", description = "The readings",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InPeriod.class),
                    examples = @ExampleObject(name = "example", value = READINGS_ANSWER)), @Content(mediaType = "text/csv",
                    examples = @ExampleObject(name = "example", value = READINGS_CSV))})
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no storage place has this code")
    @APIResponse(responseCode = "406", description = "NOT_ACCEPTABLE: Accept names neither JSON nor CSV")
    @APIResponse(responseCode = "422", description = PERIOD_422)
    public Response readings(@PathParam("code") @Size(max = 64) String code, @QueryParam("from") String from, @QueryParam("to") String to,
                             @Context Request request) {
        boolean csv = csv(request);
        Instant[] period = period(from, to);
        StoragePlace place = coldChain.place(code);
        List<ColdChain.PlaceReading> readings = coldChain.readings(place, period[0], period[1]);
        return csv ? attachment(PlaceHistoryCsv.readings(place, readings), place, "readings", period)
                : Response.ok(InPeriod.of(place, period, readings), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{code}/excursions")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "A place's temperature excursions that overlap a period (default the last 24 hours; at most 31 days): OUT_OF_RANGE "
            + "(lowest and highest) or NO_READINGS; open while endedAt is absent; the vials each held and QA's dispositions",
            description = "minutes: the length rounded up, until now while open. heldVials: the vials it held; stillHeld: those no "
                + "disposition has ended. By Accept: application/json (default), text/csv (an RFC 4180 attachment named by place and "
                + "period, one row per excursion and disposition, one with the disposition columns empty when there is none).",
            extensions = @Extension(name = "x-roles", value = READ_ROLES, parseValue = true))
    @APIResponse(responseCode = "200", description = "The excursions, oldest first",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InPeriod.class),
                    examples = @ExampleObject(name = "example", value = EXCURSIONS_ANSWER)), @Content(mediaType = "text/csv",
                    examples = @ExampleObject(name = "example", value = EXCURSIONS_CSV))})
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no storage place has this code")
    @APIResponse(responseCode = "406", description = "NOT_ACCEPTABLE: Accept names neither JSON nor CSV")
    @APIResponse(responseCode = "422", description = PERIOD_422)
    public Response excursions(@PathParam("code") @Size(max = 64) String code, @QueryParam("from") String from, @QueryParam("to") String to,
                               @Context Request request) {
        boolean csv = csv(request);
        Instant[] period = period(from, to);
        StoragePlace place = coldChain.place(code);
        List<ColdChain.Excursion> excursions = coldChain.excursions(place, period[0], period[1]);
        return csv ? attachment(PlaceHistoryCsv.excursions(place, excursions), place, "excursions", period)
                : Response.ok(InPeriod.of(place, period, excursions), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Whether the request asks for CSV rather than JSON (the default), as the lot report negotiates its form. */
    private static boolean csv(Request request) {
        Variant form = request.selectVariant(FORMS);
        if (form == null) {
            throw new NotAcceptableException();
        }
        return form.getMediaType().getSubtype().equals("csv");
    }

    private static Response attachment(StreamingOutput csv, StoragePlace place, String what, Instant[] period) {
        return Response.ok(csv, PlaceHistoryCsv.MEDIA_TYPE).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                + PlaceHistoryCsv.filename(place, what, period[0], period[1]) + "\"").build();
    }

    @GET
    @Path("{code}/holds")
    @RolesAllowed({Role.QA_NAME, Role.INVENTORY_NAME})
    @Operation(summary = "The vials the place's temperature excursions hold and QA has not disposed of (of one excursion when kind and "
            + "startedAt name it): each vial that was in the place while an excursion was open, wherever it is now",
            extensions = @Extension(name = "x-roles", value = "[\"QA\",\"INVENTORY\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The held vials, oldest excursion first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Held.class),
                    examples = @ExampleObject(name = "example", value = "{\"place\":\"FREEZER-1\",\"items\":[{\"vialId\":"
                        + "\"7fdbb164-7a4d-4bd0-88ac-e7ac62c1c716\",\"serial\":\"0001\",\"lotNumber\":\"NFC2611A\",\"productCode\":"
                        + "\"MAXNFC-2\",\"state\":\"IN_STOCK\",\"location\":\"FREEZER-2\",\"kind\":\"OUT_OF_RANGE\",\"startedAt\":"
                        + "\"2026-12-06T18:10:00Z\",\"heldAt\":\"2026-12-06T18:10:05Z\"}]}")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no storage place has this code")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: kind not OUT_OF_RANGE or NO_READINGS, startedAt not an instant")
    public Held held(@PathParam("code") @Size(max = 64) String code, @QueryParam("kind") String kind,
                     @QueryParam("startedAt") String startedAt) {
        Optional<ExcursionKind> excursionKind = Optional.ofNullable(kind).map(k -> {
            try {
                return ExcursionKind.valueOf(k);
            } catch (IllegalArgumentException e) {
                throw DomainError.invalid("kind", "OUT_OF_RANGE or NO_READINGS");
            }
        });
        return new Held(code, holds.held(code, excursionKind, Optional.ofNullable(Instants.parse("startedAt", startedAt))));
    }

    @POST
    @Path("{code}/dispositions")
    @RolesAllowed(Role.QA_NAME)
    @Operation(summary = "QA's signed disposition of an excursion of the place: RELEASE its held vials back to use, with a justification, or "
            + "WASTE them (reason TEMPERATURE_EXCURSION)",
            description = "A new record naming the excursion (kind, startedAt as the excursions list gives them); it ends the holds there are "
                + "now. The signer re-enters the password. A release waits until the excursion has ended; a waste does not.",
            extensions = @Extension(name = "x-roles", value = "[\"QA\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewDisposition.class),
            examples = @ExampleObject(name = "example", value = "{\"kind\":\"OUT_OF_RANGE\",\"startedAt\":\"2026-12-06T18:10:00Z\","
                + "\"decision\":\"RELEASE\",\"justification\":\"-55 °C for 10 minutes; stability data allow 30 minutes above -60 °C\","
                + "\"password\":\"the signer's own password\"}")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DispositionView.class)))
    @APIResponse(responseCode = "403", description = "SIGNATURE_REFUSED: the password is not the signed-in user's; SIGNER_IS_ADMIN, "
            + "PASSWORD_CHANGE_REQUIRED; nothing signed")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no storage place has this code")
    @APIResponse(responseCode = "409", description = "NOTHING_HELD: the excursion holds no vial QA has not disposed of; EXCURSION_OPEN: a "
            + "release before the excursion ended")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: startedAt not an instant, a justification not of 3-500 characters")
    @APIResponse(responseCode = "429", description = "SIGN_IN_LOCKED: wrong passwords are counted with sign-in's")
    public Response dispose(@PathParam("code") @Size(max = 64) String code, @Valid @Required NewDisposition request, @Context UriInfo uri) {
        Instant startedAt = Instants.parse("startedAt", request.startedAt);
        Holds.Disposed disposed = holds.dispose(code, request.kind, startedAt, request.decision, request.justification, request.password,
                caller.getUserPrincipal().getName(), signIns.clientAddress(http.getRemoteAddr(), http.getHeaders("X-Forwarded-For")));
        return Response.created(uri.getAbsolutePathBuilder().path(disposed.disposition().id().toString()).build())
                .entity(DispositionView.of(code, disposed)).build();
    }

    private Instant[] period(String fromText, String toText) {
        Instant to = Instants.parse("to", toText);
        Instant from = Instants.parse("from", fromText);
        to = to == null ? clock.instant() : to;
        from = from == null ? to.minus(Duration.ofDays(1)) : from;
        if (!from.isBefore(to)) {
            throw DomainError.invalid("to", "after from");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw DomainError.invalid("from", "at most 31 days before to");
        }
        return new Instant[] {from, to};
    }
}
