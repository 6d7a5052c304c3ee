package org.exotrace.coldchain.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.exotrace.coldchain.control.ColdChain;
import org.exotrace.coldchain.entity.PlaceKind;
import org.exotrace.coldchain.entity.Reading;
import org.exotrace.coldchain.entity.StoragePlace;
import org.exotrace.platform.boundary.Instants;
import org.exotrace.platform.boundary.Required;
import org.exotrace.platform.error.DomainError;
import org.exotrace.security.entity.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Storage places, the readings of their data loggers, and their temperature excursions. */
@Path("locations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LocationsResource {

    static final String PLACE_EXAMPLE = "{\"code\":\"FREEZER-1\",\"name\":\"-80 °C freezer, room 2\",\"kind\":\"FREEZER\",\"minC\":-90,"
            + "\"maxC\":-60,\"maxGapMinutes\":15}";
    static final String READINGS_EXAMPLE = "{\"loggerId\":\"TL-0042\",\"readings\":[{\"at\":\"2026-12-07T03:15:00+09:00\",\"celsius\":-79.6},"
            + "{\"at\":\"2026-12-07T03:16:00+09:00\",\"celsius\":-79.5}]}";
    static final String READ_ROLES = "[\"INVENTORY\",\"QA\",\"INTEGRATION\"]";
    /** The longest period one read covers. */
    static final Duration MAX_PERIOD = Duration.ofDays(31);

    public static class NewPlace {
        @NotNull
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "2-32 upper-case letters, digits or '-'")
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

    public record PlaceView(String code, String name, PlaceKind kind, BigDecimal minC, BigDecimal maxC, int maxGapMinutes) {
        static PlaceView of(StoragePlace p) {
            return new PlaceView(p.code(), p.name(), p.kind(), p.minC(), p.maxC(), p.maxGapMinutes());
        }
    }

    /** The places, by code. */
    public record Places(List<PlaceView> items) {
    }

    /** What a place showed in a period. */
    public record InPeriod<T>(String place, Instant from, Instant to, List<T> items) {
    }

    @Inject
    ColdChain coldChain;

    @Inject
    Clock clock;

    @Context
    SecurityContext caller;

    @POST
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME})
    @Operation(summary = "Register a storage place with the temperature range it keeps (°C) and how long its loggers may be silent",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\",\"QA\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewPlace.class),
            examples = @ExampleObject(name = "example", value = PLACE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaceView.class),
                    examples = @ExampleObject(name = "example", value = PLACE_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "LOCATION_EXISTS: a storage place has this code")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: minC not below maxC, a bound outside -200..100 °C or finer than 0.1, "
            + "maxGapMinutes outside 1..1440")
    public Response register(@Valid @Required NewPlace request, @Context UriInfo uri) {
        StoragePlace place = coldChain.register(request.code, request.name.strip(), request.kind, request.minC, request.maxC,
                request.maxGapMinutes, caller.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(place.code()).build()).entity(PlaceView.of(place)).build();
    }

    @GET
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "The storage places, by code", extensions = @Extension(name = "x-roles", value = READ_ROLES, parseValue = true))
    @APIResponse(responseCode = "200", description = "The places",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Places.class),
                    examples = @ExampleObject(name = "example", value = "{\"items\":[" + PLACE_EXAMPLE + "]}")))
    public Places list() {
        return new Places(coldChain.list().stream().map(PlaceView::of).toList());
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "One storage place", extensions = @Extension(name = "x-roles", value = READ_ROLES, parseValue = true))
    @APIResponse(responseCode = "200", description = "The place",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaceView.class),
                    examples = @ExampleObject(name = "example", value = PLACE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no storage place has this code")
    public PlaceView get(@PathParam("code") @Size(max = 32) String code) {
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
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: a reading's time without its offset, a temperature outside -273.15..200 °C "
            + "or finer than 0.01, a logger id not of its format; nothing is stored")
    public ColdChain.Received receive(@PathParam("code") @Size(max = 32) String code, @Valid @Required NewReadings request) {
        List<Reading> readings = new ArrayList<>(request.readings.size());
        for (int i = 0; i < request.readings.size(); i++) {
            NewReading r = request.readings.get(i);
            readings.add(Reading.of("readings[" + i + "].", request.loggerId, r.at, r.celsius));
        }
        return coldChain.receive(code, readings);
    }

    @GET
    @Path("{code}/readings")
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "A place's readings in a period, in time order (default the last 24 hours; at most 31 days)",
            extensions = @Extension(name = "x-roles", value = READ_ROLES, parseValue = true))
    @APIResponse(responseCode = "200", description = "The readings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InPeriod.class),
                    examples = @ExampleObject(name = "example", value = "{\"place\":\"FREEZER-1\",\"from\":\"2026-12-06T03:00:00Z\",\"to\":"
                        + "\"2026-12-07T03:00:00Z\",\"items\":[{\"logger\":\"TL-0042\",\"at\":\"2026-12-06T18:15:00Z\",\"celsius\":-79.6}]}")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no storage place has this code")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: from or to not an instant, to before from, a period over 31 days")
    public InPeriod<Reading> readings(@PathParam("code") @Size(max = 32) String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant[] period = period(from, to);
        return new InPeriod<>(code, period[0], period[1], coldChain.readings(code, period[0], period[1]));
    }

    @GET
    @Path("{code}/excursions")
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "A place's temperature excursions that overlap a period (default the last 24 hours; at most 31 days): OUT_OF_RANGE "
            + "(lowest and highest) or NO_READINGS; open while endedAt is absent",
            extensions = @Extension(name = "x-roles", value = READ_ROLES, parseValue = true))
    @APIResponse(responseCode = "200", description = "The excursions, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InPeriod.class),
                    examples = @ExampleObject(name = "example", value = "{\"place\":\"FREEZER-1\",\"from\":\"2026-12-06T03:00:00Z\",\"to\":"
                        + "\"2026-12-07T03:00:00Z\",\"items\":[{\"kind\":\"OUT_OF_RANGE\",\"startedAt\":\"2026-12-06T18:10:00Z\","
                        + "\"endedAt\":\"2026-12-06T18:20:00Z\",\"lowestC\":-55.0,\"highestC\":-40.0}]}")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no storage place has this code")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: from or to not an instant, to before from, a period over 31 days")
    public InPeriod<ColdChain.Excursion> excursions(@PathParam("code") @Size(max = 32) String code, @QueryParam("from") String from,
                                                    @QueryParam("to") String to) {
        Instant[] period = period(from, to);
        return new InPeriod<>(code, period[0], period[1], coldChain.excursions(code, period[0], period[1]));
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
