package org.exotrace.webhook.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.exotrace.platform.boundary.Page;
import org.exotrace.platform.boundary.PageRequest;
import org.exotrace.security.entity.Role;
import org.exotrace.webhook.control.Deliveries;

/** Where the outbound events stand, for operators. */
@Path("webhooks")
public class WebhooksResource {

    @Inject
    Deliveries deliveries;

    @GET
    @Path("deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Webhook deliveries, newest first, narrowed by ?status=PENDING, DELIVERED or FAILED",
            extensions = @Extension(name = "x-roles", value = "[\"ADMIN\"]", parseValue = true),
            description = "One delivery per event and receiver URL (an event names a lot, lotNumber, or for EXCURSION_OPENED, "
                    + "EXCURSION_ENDED and EXCURSION_WITHDRAWN a storage place, locationCode): attempts so far, the next attempt (PENDING), the last answer "
                    + "(lastStatus is the HTTP status, lastError why it failed) and when it was delivered. FAILED: the retries of "
                    + "exotrace.webhook.max-attempts ran out. 400 VALIDATION_FAILED for an unknown status.")
    @APIResponse(responseCode = "200", description = "a page of deliveries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "a recall delivered at the second attempt", value = """
                    {"items":[{"deliveryId":12,"eventId":"5b0e8a3c-6f1d-4c2e-9a7b-2d3e4f5a6b7c","eventType":"LOT_RECALLED",
                     "lotNumber":"NFC2611A","url":"https://emr.clinic.local/hooks/exotrace","status":"DELIVERED","attempts":2,
                     "createdAt":"2026-11-25T10:00:00Z","nextAttemptAt":"2026-11-25T10:00:10Z","lastAttemptAt":"2026-11-25T10:00:10.2Z",
                     "lastStatus":200,"deliveredAt":"2026-11-25T10:00:10.2Z"}],"page":0,"size":50,"total":1}""")))
    public Page<Deliveries.View> list(@QueryParam("status") Deliveries.Status status, @Valid @BeanParam PageRequest page) {
        return new Page<>(deliveries.list(status, page.page(), page.size()), page.page(), page.size(), deliveries.count(status));
    }
}
