package org.exotrace.catalog.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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
import org.exotrace.catalog.control.Products;
import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Product;
import org.exotrace.catalog.entity.StorageRange;
import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.catalog.entity.Route;
import org.exotrace.platform.boundary.Page;
import org.exotrace.platform.boundary.PageRequest;
import org.exotrace.platform.boundary.Required;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.entity.Role;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The product catalogue, kept by QA or ADMIN. */
@Path("products")
@RolesAllowed({Role.QA_NAME, Role.ADMIN_NAME})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProductsResource {

    /** A product as the API answers it: the example in /openapi. */
    static final String PRODUCT_EXAMPLE = "{\"code\":\"MAXNFC-2\",\"donorSources\":[\"DENTAL_PULP\",\"ADIPOSE\",\"BONE_MARROW\",\"CORD_BLOOD\"],"
            + "\"gtin\":\"04912345000019\",\"homeUse\":false,\"name\":\"max NFC 2cc\",\"particlesPerVial\":780000000000,"
            + "\"requiredAssays\":[{\"assay\":\"ENDOTOXIN\",\"max\":0.5,\"unit\":\"EU/mL\"},{\"assay\":\"PARTICLE_COUNT\","
            + "\"min\":390000000000,\"unit\":\"particles/mL\"},{\"assay\":\"STERILITY\",\"expected\":\"NEGATIVE\"}],"
            + "\"routes\":[\"IV_DRIP\",\"INJECTION\"],\"volumeMl\":2.0}";

    public static class AssayRequest {
        @NotNull
        @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "2-40 upper-case letters, digits or '_'")
        public String assay;
        public QualitativeOutcome expected;
        public BigDecimal min;
        public BigDecimal max;
        @Size(max = 32)
        public String unit;
    }

    public static class NewProduct {
        @NotNull
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "2-32 upper-case letters, digits or '-'")
        public String code;
        @NotBlank
        @Size(max = 200)
        public String name;
        @NotNull
        @Pattern(regexp = "\\d{14}", message = "14 digits (GTIN-14)")
        public String gtin;
        @NotEmpty
        public Set<@NotNull DonorSource> donorSources;
        @DecimalMin(value = "0.1")
        @DecimalMax(value = "100")
        public BigDecimal volumeMl;
        @NotNull
        @Positive
        @Max(10_000_000_000_000_000L)
        public Long particlesPerVial;
        @NotEmpty
        public Set<@NotNull Route> routes;
        @NotNull
        @Size(max = 40)
        public List<@NotNull @Valid AssayRequest> requiredAssays;
        /** The temperatures the product must be stored at (°C, to 0.1), both or neither. */
        public BigDecimal storageMinC;
        public BigDecimal storageMaxC;
    }

    public record AssayView(String assay, QualitativeOutcome expected, BigDecimal min, BigDecimal max, String unit) {
        static AssayView of(AssaySpec s) {
            return new AssayView(s.assay(), s.expected().orElse(null), s.min().orElse(null), s.max().orElse(null), s.unit().orElse(null));
        }
    }

    public record ProductView(String code, String name, String gtin, List<DonorSource> donorSources, BigDecimal volumeMl,
                              long particlesPerVial, List<Route> routes, boolean homeUse, List<AssayView> requiredAssays,
                              BigDecimal storageMinC, BigDecimal storageMaxC) {
        public static ProductView of(Product p) {
            return new ProductView(p.code(), p.name(), p.gtin().value(), p.donorSources().stream().sorted().toList(), p.volumeMl(),
                    p.particlesPerVial(), p.routes().stream().sorted().toList(), p.homeUse(),
                    p.requiredAssays().stream().sorted(Comparator.comparing(AssaySpec::assay)).map(AssayView::of).toList(),
                    p.storageRange().map(StorageRange::minC).orElse(null), p.storageRange().map(StorageRange::maxC).orElse(null));
        }
    }

    @Inject
    Products products;

    @Context
    SecurityContext caller;

    @POST
    @Operation(summary = "Add a product to the catalogue with its QC specification",
            description = "volumeMl defaults to 2.0. Each required assay has an expected qualitative outcome, or min and/or "
                + "max with a unit.",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"ADMIN\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewProduct.class),
                    examples = @ExampleObject(name = "example", value = "{\"code\":\"MAXNFC-2\",\"name\":\"max NFC 2cc\",\"gtin\":\"04912345000019\",\"donorSources\":[\"DENTAL_PULP\","
                        + "\"ADIPOSE\",\"BONE_MARROW\",\"CORD_BLOOD\"],\"volumeMl\":2.0,\"particlesPerVial\":780000000000,"
                        + "\"routes\":[\"IV_DRIP\",\"INJECTION\"],\"requiredAssays\":[{\"assay\":\"STERILITY\",\"expected\":\"NEGATIVE\"},"
                        + "{\"assay\":\"ENDOTOXIN\",\"max\":0.5,\"unit\":\"EU/mL\"},{\"assay\":\"PARTICLE_COUNT\",\"min\":390000000000,"
                        + "\"unit\":\"particles/mL\"}]}")))
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class),
                    examples = @ExampleObject(name = "example", value = PRODUCT_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "PRODUCT_EXISTS, GTIN_IN_USE: the code or the GTIN is taken")
    @APIResponse(responseCode = "422", description = "GTIN_INVALID, VALIDATION_FAILED: a bad GTIN check digit; an assay with both an outcome and a range "
            + "(errors names it)")
    public Response create(@Valid @Required NewProduct request, @Context UriInfo uri) {
        List<AssaySpec> specs = new ArrayList<>();
        for (int i = 0; i < request.requiredAssays.size(); i++) {
            specs.add(spec(request.requiredAssays.get(i), "requiredAssays[" + i + "]"));
        }
        Product product = products.create(new Products.NewProduct(request.code, request.name.strip(), request.gtin, request.donorSources,
                request.volumeMl, request.particlesPerVial, request.routes, specs, StorageRange.of(request.storageMinC, request.storageMaxC)),
                caller.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(product.code()).build()).entity(ProductView.of(product)).build();
    }

    private static AssaySpec spec(AssayRequest a, String field) {
        boolean quantitative = a.min != null || a.max != null || a.unit != null;
        if (a.expected != null && quantitative) {
            throw ProblemException.invalid(field, "either an expected outcome or min/max with a unit, not both");
        }
        try {
            return a.expected != null ? AssaySpec.qualitative(a.assay, a.expected) : AssaySpec.range(a.assay, a.min, a.max, a.unit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    @GET
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "List products, by code",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\", \"QA\", \"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "A page of products",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "example", value = "{\"items\":[{\"code\":\"MAXNFC-2\",\"donorSources\":[\"DENTAL_PULP\",\"ADIPOSE\",\"BONE_MARROW\",\"CORD_BLOOD\"],"
                        + "\"gtin\":\"04912345000019\",\"homeUse\":false,\"name\":\"max NFC 2cc\",\"particlesPerVial\":780000000000,"
                        + "\"requiredAssays\":[{\"assay\":\"ENDOTOXIN\",\"max\":0.5,\"unit\":\"EU/mL\"},{\"assay\":\"PARTICLE_COUNT\","
                        + "\"min\":390000000000,\"unit\":\"particles/mL\"},{\"assay\":\"STERILITY\",\"expected\":\"NEGATIVE\"}],"
                        + "\"routes\":[\"IV_DRIP\",\"INJECTION\"],\"volumeMl\":2.0}],\"page\":0,\"size\":50,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: page or size out of range (page 0..1000000, size 1..500)")
    public Page<ProductView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(products.list(page.page(), page.size()).stream().map(ProductView::of).toList(), page, products.count());
    }

    @GET
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Path("{code}")
    @Operation(summary = "One product with its specification",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\", \"QA\", \"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class),
                    examples = @ExampleObject(name = "example", value = PRODUCT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no product has this code")
    public ProductView get(@PathParam("code") String code) {
        return products.find(code).map(ProductView::of).orElseThrow(() -> ProblemException.notFound("product", code));
    }
}
