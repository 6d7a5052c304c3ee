package org.exotrace.fhir.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.exotrace.platform.boundary.ExoTraceApplication;
import org.exotrace.platform.boundary.KnownMethods;
import org.exotrace.platform.boundary.RequestGuard;
import org.exotrace.platform.problem.ConstraintViolationMapper;
import org.exotrace.platform.problem.DomainErrorMapper;
import org.exotrace.platform.problem.FallbackExceptionMapper;
import org.exotrace.platform.problem.ProblemExceptionMapper;
import org.exotrace.platform.problem.RequestIds;
import org.exotrace.platform.problem.WebApplicationExceptionMapper;
import org.exotrace.security.boundary.RevokedTokenFilter;

import java.util.Map;
import java.util.Set;

/**
 * The FHIR R5 interface under {@code /fhir}: a JAX-RS application of its own, so that its addresses are FHIR's
 * ({@code /fhir/BiologicallyDerivedProduct/{id}}), with its resources named here and the API's own filters (request
 * ids, revoked tokens, the request guard) and mappers, whose problems {@link OperationOutcomes} rewrites. The
 * bearer token is the same MP-JWT as for {@code /api} ({@code @LoginConfig} of the module).
 */
@ApplicationScoped
@ApplicationPath("/fhir")
@DeclareRoles({"NURSE", "INVENTORY", "QA", "INTEGRATION", "ADMIN"})
public class FhirApplication extends Application {

    /** The FHIR resources: {@link NotUnderApi} keeps them out of {@code /api}, which takes every resource it finds. */
    public static final Set<Class<?>> RESOURCES = Set.of(MetadataResource.class, BiologicallyDerivedProductResource.class,
            MedicationAdministrationResource.class, BiologicallyDerivedProductDispenseResource.class);

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new java.util.HashSet<>(RESOURCES);
        classes.addAll(Set.of(OperationOutcomes.class, FhirFormat.class, RequestIds.class, KnownMethods.class, RevokedTokenFilter.class, RequestGuard.class,
                ProblemExceptionMapper.class, DomainErrorMapper.class, WebApplicationExceptionMapper.class, ConstraintViolationMapper.class,
                FallbackExceptionMapper.class));
        return classes;
    }

    @Override
    public Map<String, Object> getProperties() {
        return ExoTraceApplication.PROPERTIES;
    }
}
