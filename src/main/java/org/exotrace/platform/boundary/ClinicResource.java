package org.exotrace.platform.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.exotrace.security.entity.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The clinic's time zone and date, for every signed-in page: the inventory and QA pages show times in the clinic's
 * zone (exotrace.clinic.time-zone), as the lot report's PDF does, and judge expiry by the clinic's date (ADR 0037); and
 * how often they ask what needs attention for their temperature excursion banner (exotrace.pages.attention-poll, ADR 0047).
 */
@ApplicationScoped
@Path("clinic")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.NURSE_NAME, Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME, Role.ADMIN_NAME})
public class ClinicResource {

    /** The clinic's time zone (an IANA name), today's date there, and every how many seconds the pages poll their excursion banner. */
    public record Clinic(String clinicTimeZone, LocalDate today, long attentionPollSeconds) {
    }

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "exotrace.pages.attention-poll", defaultValue = "PT30S")
    Duration attentionPoll;

    @GET
    @Operation(summary = "The clinic's time zone and today's date there, in which the pages show times and judge expiry; every how many "
            + "seconds the pages ask GET /api/locations/excursions for their banner",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\", \"INVENTORY\", \"QA\", \"INTEGRATION\", \"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The clinic's zone and date",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Clinic.class),
                    examples = @ExampleObject(name = "example", value = "{\"clinicTimeZone\":\"Asia/Tokyo\",\"today\":\"2026-12-07\","
                            + "\"attentionPollSeconds\":30}")))
    public Clinic clinic() {
        return new Clinic(clock.getZone().getId(), LocalDate.now(clock), Math.max(1, attentionPoll.toSeconds()));
    }
}
