package org.exotrace.fhir.boundary;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payara's OpenAPI document maps resources to one JAX-RS application only: with two it documents nothing. So
 * {@link FhirApplication} is left out of its scan ({@code mp.openapi.scan.exclude.classes}), the FHIR resources are
 * documented under {@code /api} like every other, and this filter moves them to {@code /fhir}, where they are served.
 */
public class FhirOpenApiPaths implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> moved = new LinkedHashMap<>();
        api.getPaths().getPathItems().forEach((path, item) -> {
            String fhir = fhirPath(path);
            if (fhir != null) {
                moved.put(fhir, item);
            }
        });
        moved.keySet().forEach(fhir -> api.getPaths().removePathItem("/api" + fhir.substring("/fhir".length())));
        moved.forEach((fhir, item) -> api.getPaths().addPathItem(fhir, item));
    }

    /** The FHIR address of a path documented under {@code /api}, or null when it is the API's own. */
    static String fhirPath(String path) {
        for (Class<?> resource : FhirApplication.RESOURCES) {
            String prefix = "/api/" + resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return "/fhir" + path.substring("/api".length());
            }
        }
        return null;
    }
}
