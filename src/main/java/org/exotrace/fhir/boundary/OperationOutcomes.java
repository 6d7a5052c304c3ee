package org.exotrace.fhir.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import org.exotrace.fhir.control.FhirResources;
import org.exotrace.platform.problem.Problem;

import java.lang.annotation.Annotation;

/**
 * Under {@code /fhir} a refusal is a FHIR {@code OperationOutcome} (what FHIR clients parse), made from the problem the
 * service's mappers wrote, with the same status and the request id in its diagnostics. 401 and 403 stay problem+json,
 * as everywhere in the service: they come from the container's authentication too, before any FHIR code runs.
 */
public class OperationOutcomes implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || problem.status() == 401 || problem.status() == 403) {
            return;
        }
        String diagnostics = problem.detail() + " (" + problem.code() + (problem.requestId() == null ? "" : ", request id "
                + problem.requestId()) + ")";
        response.setEntity(FhirResources.operationOutcome(issueType(problem.status()), diagnostics).toString(), new Annotation[0],
                MediaType.valueOf(Fhir.MEDIA_TYPE));
    }

    /** The FHIR issue type (http://hl7.org/fhir/issue-type) that says what the status says. */
    static String issueType(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405, 406, 415 -> "not-supported";
            case 409 -> "conflict";
            case 413 -> "too-long";
            case 429 -> "throttled";
            case 503 -> "transient";
            default -> status >= 500 ? "exception" : "invalid";
        };
    }
}
