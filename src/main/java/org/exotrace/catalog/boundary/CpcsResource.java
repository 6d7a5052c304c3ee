package org.exotrace.catalog.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import org.exotrace.platform.boundary.Required;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.exotrace.catalog.control.Cpcs;
import org.exotrace.catalog.entity.CellProcessingCentre;
import org.exotrace.platform.boundary.Page;
import org.exotrace.platform.boundary.PageRequest;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.entity.Role;

/** Cell processing centres, registered by QA or ADMIN. */
@Path("cpcs")
@RolesAllowed({Role.QA_NAME, Role.ADMIN_NAME})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CpcsResource {

    /** A CPC as the API reads and answers it: the example in /openapi. */
    static final String CPC_EXAMPLE = "{\"code\":\"CPC-TOKYO-1\",\"name\":\"Tokyo Cell Processing Centre\",\"licenceNumber\":\"FA3190001\","
            + "\"country\":\"JP\"}";

    public static class NewCpc {
        @NotNull
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "2-32 upper-case letters, digits or '-'")
        public String code;
        @NotBlank
        @Size(max = 200)
        public String name;
        @NotBlank
        @Size(max = 64)
        public String licenceNumber;
        @NotNull
        @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 country code such as JP")
        public String country;
    }

    public record CpcView(String code, String name, String licenceNumber, String country) {
        static CpcView of(CellProcessingCentre c) {
            return new CpcView(c.code(), c.name(), c.licenceNumber(), c.country());
        }
    }

    @Inject
    Cpcs cpcs;

    @Context
    SecurityContext caller;

    @POST
    @Operation(summary = "Register a cell processing centre (CPC)",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"ADMIN\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewCpc.class),
                    examples = @ExampleObject(name = "example", value = CPC_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CpcView.class),
                    examples = @ExampleObject(name = "example", value = CPC_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "CPC_EXISTS: a CPC has this code")
    public Response register(@Valid @Required NewCpc request, @Context UriInfo uri) {
        var cpc = cpcs.register(request.code, request.name.strip(), request.licenceNumber.strip(), request.country,
                caller.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(cpc.code()).build()).entity(CpcView.of(cpc)).build();
    }

    @GET
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "List CPCs, by code",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\", \"QA\", \"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "A page of CPCs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "example", value = "{\"items\":[{\"code\":\"CPC-TOKYO-1\",\"name\":\"Tokyo Cell Processing Centre\",\"licenceNumber\":\"FA3190001\","
                        + "\"country\":\"JP\"}],\"page\":0,\"size\":50,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: page or size out of range (page 0..1000000, size 1..500)")
    public Page<CpcView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(cpcs.list(page.page(), page.size()).stream().map(CpcView::of).toList(), page, cpcs.count());
    }

    @GET
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Path("{code}")
    @Operation(summary = "One CPC",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\", \"QA\", \"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The CPC",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CpcView.class),
                    examples = @ExampleObject(name = "example", value = CPC_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a code over 32 characters")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no CPC has this code")
    public CpcView get(@PathParam("code") @Size(max = 32) String code) {
        return cpcs.find(code).map(CpcView::of).orElseThrow(() -> ProblemException.notFound("CPC", code));
    }
}
