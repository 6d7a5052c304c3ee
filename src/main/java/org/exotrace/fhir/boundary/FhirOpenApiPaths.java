package org.exotrace.fhir.boundary;

import org.exotrace.platform.boundary.OpenApiProblems;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payara's OpenAPI document maps resources to one JAX-RS application only: with two it documents nothing. So
 * {@link FhirApplication} is left out of its scan ({@code mp.openapi.scan.exclude.classes}), the FHIR resources are
 * documented under {@code /api} like every other, and this filter moves them to {@code /fhir}, where they are served.
 * MicroProfile OpenAPI takes one filter ({@code mp.openapi.filter}): this one, which first completes the document as
 * {@link OpenApiProblems} does for the whole service.
 */
public class FhirOpenApiPaths extends OpenApiProblems {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        super.filterOpenAPI(api);
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
        moved.forEach((fhir, item) -> {
            item.getOperations().values().forEach(FhirOpenApiPaths::asOperationOutcomes);
            api.getPaths().addPathItem(fhir, item);
        });
    }

    /**
     * Under {@code /fhir} an error is an {@code OperationOutcome}, not a problem (ADR 0014): 401 and 403 excepted, which
     * stay problem+json as everywhere in the service.
     */
    private static void asOperationOutcomes(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!(status.startsWith("4") || status.startsWith("5")) || status.equals("401") || status.equals("403")) {
                return;
            }
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("severity", "error");
            issue.put("code", OperationOutcomes.issueType(Integer.parseInt(status)));
            issue.put("diagnostics", response.getDescription());
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("resourceType", "OperationOutcome");
            example.put("issue", List.of(issue));
            response.setContent(OASFactory.createContent().addMediaType(Fhir.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)).example(example)));
        });
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
