package org.exotrace.fhir.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import org.exotrace.platform.problem.ProblemException;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * FHIR's {@code _format} wins over {@code Accept} on every FHIR address (reads, searches, metadata): JSON in any of its
 * names is answered as {@code application/fhir+json} whatever {@code Accept} says; any other format (xml, turtle) is
 * 406, an {@code OperationOutcome} like every refusal under {@code /fhir}. Checked before a resource is matched, so a
 * read and the capability statement hear it as a search does.
 */
@PreMatching
public class FhirFormat implements ContainerRequestFilter {

    private static final Set<String> JSON = Set.of("json", Fhir.MEDIA_TYPE, "application/json", "application/json+fhir");

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> formats = request.getUriInfo().getQueryParameters().get(Fhir.FORMAT);
        if (formats == null || formats.isEmpty()) {
            return;
        }
        for (String format : formats) {
            if (!isJson(format)) {
                throw new ProblemException(406, "NOT_ACCEPTABLE", "Not Acceptable",
                        "this server answers JSON only (_format=json), not '" + format + "'");
            }
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, Fhir.MEDIA_TYPE);
    }

    /** {@code json}, {@code application/fhir+json} or {@code application/json}, parameters such as {@code fhirVersion} aside. */
    static boolean isJson(String format) {
        int semicolon = format.indexOf(';');
        String type = (semicolon < 0 ? format : format.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return JSON.contains(type);
    }
}
