package org.exotrace.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.exotrace.platform.problem.Problem;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Completes the OpenAPI document ({@code mp.openapi.filter}) with what every operation shares, so that the resources
 * declare only their own answers:
 * <ul>
 * <li>the {@code Problem} schema (RFC 9457 with the reason word {@code code});</li>
 * <li>every 4xx/5xx answer as {@code application/problem+json} with an example, and its reason words, which an
 * {@code @APIResponse} description starts with ({@code "CPC_EXISTS: the code is taken"}), as {@code x-problem-codes};</li>
 * <li>the answers of the API's edge: 401 {@code UNAUTHENTICATED} and 403 {@code FORBIDDEN} where {@code x-roles} names
 * roles; 400 {@code MALFORMED_JSON} ..., 413 {@code BODY_TOO_LARGE} and 415 {@code UNSUPPORTED_MEDIA_TYPE} where there
 * is a body; 500 {@code INTERNAL_ERROR} and 503 {@code DATABASE_UNAVAILABLE}, {@code SHUTTING_DOWN} everywhere.</li>
 * </ul>
 * The roles of an operation are its {@code x-roles} extension, written next to its {@code @RolesAllowed}
 * ({@code OperationsIT} holds the two together); an empty list means anyone, without a token. An operation with roles
 * requires the {@code bearer} scheme; one without requires nothing.
 */
public class OpenApiProblems implements OASFilter {

    public static final String ROLES = "x-roles";
    public static final String CODES = "x-problem-codes";
    /** The security scheme of {@link ExoTraceApplication}. */
    public static final String BEARER = "bearer";
    private static final String PROBLEM_SCHEMA = "Problem";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{4,}");

    private record Edge(String status, String description, List<String> codes) {
    }

    private static final List<Edge> ALWAYS = List.of(
            new Edge("500", "INTERNAL_ERROR: an unexpected fault; the problem carries only the requestId, also in the server log",
                    List.of("INTERNAL_ERROR")),
            new Edge("503", "DATABASE_UNAVAILABLE, SHUTTING_DOWN: the database does not answer (nothing was written), or the service"
                    + " is stopping", List.of("DATABASE_UNAVAILABLE", "SHUTTING_DOWN")));
    private static final List<Edge> SECURED = List.of(
            new Edge("401", "UNAUTHENTICATED: no bearer token, or one that is expired, forged, or of a disabled user",
                    List.of("UNAUTHENTICATED")),
            new Edge("403", "FORBIDDEN: the token's roles are not among x-roles", List.of("FORBIDDEN")));
    private static final List<Edge> WITH_BODY = List.of(
            new Edge("400", "MALFORMED_JSON, INVALID_CHARACTERS, BAD_REQUEST, VALIDATION_FAILED: the body is not JSON, holds bytes"
                    + " that are not text, is missing, or a field breaks its declared format (errors names it)",
                    List.of("MALFORMED_JSON", "INVALID_CHARACTERS", "BAD_REQUEST", "VALIDATION_FAILED")),
            new Edge("413", "BODY_TOO_LARGE: over exotrace.http.max-body-bytes", List.of("BODY_TOO_LARGE")),
            new Edge("415", "UNSUPPORTED_MEDIA_TYPE: the body is not of a media type the operation reads", List.of("UNSUPPORTED_MEDIA_TYPE")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        // the bearer token is required by each operation with roles, not document-wide: Payara's writer drops the
        // empty "security: []" that would exempt sign-in from a document-wide requirement
        openAPI.setSecurity(new ArrayList<>());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                complete(operation);
            }
        }
    }

    private static void complete(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getRequestBody() != null) {
            parseExamples(operation.getRequestBody().getContent());
        }
        List<Edge> edges = new ArrayList<>(ALWAYS);
        Object roles = operation.getExtensions() == null ? null : operation.getExtensions().get(ROLES);
        if (roles != null) {
            List<String> names = roleList(roles);
            operation.addExtension(ROLES, shown(names)); // Payara keeps @Operation(extensions) as text even with parseValue
            if (!names.isEmpty()) {
                operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER))));
                edges.addAll(SECURED);
            }
        }
        if (operation.getRequestBody() != null) {
            edges.addAll(WITH_BODY);
        }
        for (Edge edge : edges) {
            APIResponse declared = operation.getResponses().getAPIResponse(edge.status());
            if (declared == null) {
                operation.getResponses().addAPIResponse(edge.status(), OASFactory.createAPIResponse().description(edge.description()));
            } else {
                Set<String> have = new LinkedHashSet<>(codes(declared.getDescription()));
                List<String> more = edge.codes().stream().filter(c -> !have.contains(c)).toList();
                if (!more.isEmpty()) {
                    String own = declared.getDescription() == null ? "" : declared.getDescription();
                    declared.setDescription(own.isEmpty() ? edge.description()
                            : String.join(", ", have) + (have.isEmpty() ? "" : ", ") + String.join(", ", more) + rest(own));
                }
            }
        }
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        if (responses != null) {
            responses.forEach((status, response) -> {
                if (response.getExtensions() != null) {
                    response.removeExtension(ROLES); // Payara copies an operation's extensions onto its @APIResponses
                }
                if (status.startsWith("4") || status.startsWith("5")) {
                    asProblem(status, response);
                }
                parseExamples(response.getContent());
            });
            operation.getResponses().setAPIResponses(new TreeMap<>(responses));
        }
    }

    /** An {@code @ExampleObject} value is a string; as JSON it is shown as the JSON it holds. */
    private static void parseExamples(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (type.contains("json") && media.getExamples() != null) {
                media.getExamples().values().forEach(example -> {
                    if (example.getValue() instanceof String text && (text.startsWith("{") || text.startsWith("["))) {
                        try (JsonReader reader = Json.createReader(new StringReader(text))) {
                            example.setValue(plain(reader.readValue()));
                        } catch (JsonException e) {
                            // left as the text it is
                        }
                    }
                });
            }
        });
    }

    /** JSON-P values as maps, lists, numbers and strings, which the document's writer serializes as JSON. */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> shown(value.asJsonArray().stream().map(OpenApiProblems::plain).toList());
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    /** The answer as a problem: schema, the reason words of its description, and an example with the first. */
    private static void asProblem(String status, APIResponse response) {
        List<String> codes = codes(response.getDescription());
        response.addExtension(CODES, codes);
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || !response.getContent().getMediaTypes().containsKey(Problem.MEDIA_TYPE)) {
            Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
            if (content.getMediaTypes() != null) {
                List.copyOf(content.getMediaTypes().keySet()).forEach(content::removeMediaType);
            }
            Map<String, Object> example = new LinkedHashMap<>();
            String code = codes.isEmpty() ? "REQUEST_REFUSED" : codes.get(0);
            example.put("type", Problem.typeFor(code));
            example.put("title", titleOf(status));
            example.put("status", Integer.parseInt(status));
            example.put("detail", rest(response.getDescription()).replaceFirst("^: ", ""));
            example.put("code", code);
            example.put("requestId", "6f1c2a3b-9d4e-4f51-8a6b-2c7d8e9f0a1b");
            content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)).example(example));
            response.setContent(content);
        }
    }

    /** The reason words a description starts with: {@code "LOT_EXISTS, SERIAL_EXISTS: ..."}. */
    public static List<String> codes(String description) {
        if (description == null) {
            return List.of();
        }
        int colon = description.indexOf(':');
        String head = colon < 0 ? description : description.substring(0, colon);
        List<String> codes = new ArrayList<>();
        for (String word : head.split(",")) {
            String w = word.strip();
            int space = w.indexOf(' ');
            String token = space < 0 ? w : w.substring(0, space);
            if (!CODE.matcher(token).matches()) {
                break;
            }
            codes.add(token);
        }
        return codes;
    }

    private static String rest(String description) {
        int colon = description == null ? -1 : description.indexOf(':');
        return colon < 0 ? "" : description.substring(colon);
    }

    /**
     * A list the document's writer shows even when empty: Payara's leaves empty lists out, which would drop a scan
     * example's {@code "reasons": []} and an open operation's {@code "x-roles": []}.
     */
    private static <T> List<T> shown(List<T> items) {
        return new ArrayList<>(items) {
            @Override
            public boolean isEmpty() {
                return false;
            }
        };
    }

    private static List<String> roleList(Object roles) {
        if (roles instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        String text = String.valueOf(roles).replaceAll("[\\[\\]\"]", "").strip();
        return text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*"));
    }

    private static String titleOf(String status) {
        return switch (status) {
            case "400" -> "The request is not valid";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            case "404" -> "Not found";
            case "406" -> "Not Acceptable";
            case "409" -> "Conflict with the current state";
            case "413" -> "Content Too Large";
            case "415" -> "Unsupported Media Type";
            case "422" -> "The request breaks a rule";
            case "429" -> "Too many failed sign-ins";
            case "503" -> "Service unavailable";
            default -> "Internal error";
        };
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema words = OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(text);
        Schema fieldError = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem detail, application/problem+json; code is the stable reason word")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).description("urn:exotrace:problem:<code in kebab case>"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("code", OASFactory.createSchema().type(Schema.SchemaType.STRING).description("the reason word, e.g. LOT_RECALLED"))
                .addProperty("requestId", OASFactory.createSchema().type(Schema.SchemaType.STRING).description("also the X-Request-Id header and in the server log"))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError).description("the offending fields"))
                .addProperty("reasons", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(text)
                        .description("blocking reason words of a refused dose (VIAL_BLOCKED)"))
                .addProperty("currentState", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("the state that forbids a transition (LOT_STATUS_CONFLICT)"))
                .addProperty("assays", words.description("the assays behind a refused release (QC_INCOMPLETE, QC_FAILED)"))
                .addRequired("type").addRequired("title").addRequired("status").addRequired("code");
    }
}
