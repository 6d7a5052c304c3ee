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
import org.exotrace.catalog.control.Products;
import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Product;
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
    }

    public record AssayView(String assay, QualitativeOutcome expected, BigDecimal min, BigDecimal max, String unit) {
        static AssayView of(AssaySpec s) {
            return new AssayView(s.assay(), s.expected().orElse(null), s.min().orElse(null), s.max().orElse(null), s.unit().orElse(null));
        }
    }

    public record ProductView(String code, String name, String gtin, List<DonorSource> donorSources, BigDecimal volumeMl,
                              long particlesPerVial, List<Route> routes, boolean homeUse, List<AssayView> requiredAssays) {
        public static ProductView of(Product p) {
            return new ProductView(p.code(), p.name(), p.gtin().value(), p.donorSources().stream().sorted().toList(), p.volumeMl(),
                    p.particlesPerVial(), p.routes().stream().sorted().toList(), p.homeUse(),
                    p.requiredAssays().stream().sorted(Comparator.comparing(AssaySpec::assay)).map(AssayView::of).toList());
        }
    }

    @Inject
    Products products;

    @Context
    SecurityContext caller;

    @POST
    @Operation(summary = "Add a product", description = "422 GTIN_INVALID for a bad check digit; 409 PRODUCT_EXISTS or GTIN_IN_USE.")
    public Response create(@Valid @Required NewProduct request, @Context UriInfo uri) {
        List<AssaySpec> specs = new ArrayList<>();
        for (int i = 0; i < request.requiredAssays.size(); i++) {
            specs.add(spec(request.requiredAssays.get(i), "requiredAssays[" + i + "]"));
        }
        Product product = products.create(new Products.NewProduct(request.code, request.name.strip(), request.gtin, request.donorSources,
                request.volumeMl, request.particlesPerVial, request.routes, specs), caller.getUserPrincipal().getName());
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
    @Operation(summary = "List products, by code")
    public Page<ProductView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(products.list(page.page(), page.size()).stream().map(ProductView::of).toList(), page, products.count());
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One product with its specification")
    public ProductView get(@PathParam("code") String code) {
        return products.find(code).map(ProductView::of).orElseThrow(() -> ProblemException.notFound("product", code));
    }
}
