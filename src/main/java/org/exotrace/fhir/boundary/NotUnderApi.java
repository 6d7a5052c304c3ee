package org.exotrace.fhir.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.exotrace.platform.problem.Problems;

/**
 * The {@code /api} application serves every resource class of the module, the FHIR ones too; this feature (found
 * only by {@code /api}: {@link FhirApplication} names its own providers) answers 404 for those there, before any
 * authentication, so FHIR lives only under {@code /fhir}.
 */
@Provider
public class NotUnderApi implements DynamicFeature {

    private static final ContainerRequestFilter NOT_FOUND = request -> request.abortWith(
            Problems.response(404, "NOT_FOUND", "Not Found", "No such resource", null));

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (FhirApplication.RESOURCES.contains(resource.getResourceClass())) {
            context.register(NOT_FOUND, Priorities.AUTHENTICATION - 10);
        }
    }
}
