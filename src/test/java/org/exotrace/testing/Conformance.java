package org.exotrace.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public conformance material GS1 and HL7 publish, read in place from {@code ../shared/conformance} beside the
 * project (or {@code -Dexotrace.conformance.dir}, resolved against the project directory; see SOURCES.md there), and
 * the checks every EPCIS and FHIR answer a test receives must pass:
 * <ul>
 * <li>EPCIS: GS1's EPCIS 2.0 JSON Schema, format assertions on;</li>
 * <li>FHIR: HL7's R5 JSON Schema (each resource against its own definition), no empty array, object or string and no
 * null (FHIR JSON has none; the schema does not say so), and from the R5 rules extracted from {@code hl7.fhir.r5.core}
 * 5.0.0 the elements of {@code min >= 1} and the codes of required bindings, in every resource: the answer, its
 * {@code contained} resources and a Bundle's entries.</li>
 * </ul>
 */
public final class Conformance {

    private static final String FHIR_SCHEMA_ID = "http://hl7.org/fhir/json-schema/5.0";
    private static volatile Schema epcisSchema;
    private static volatile SchemaRegistry fhirSchemas;
    private static final Map<String, Schema> FHIR_DEFINITIONS = new ConcurrentHashMap<>();
    private static volatile JsonObject r5Rules;
    private static volatile Map<String, Map<String, JsonValue>> bindingsByType;

    private Conformance() {
    }

    /** The shared conformance directory. */
    public static Path dir() {
        Path project = Path.of(System.getProperty("basedir", "."));
        Path dir = project.resolve(System.getProperty("exotrace.conformance.dir", "../shared/conformance"));
        assertTrue(Files.isDirectory(dir), () -> "conformance material not found at " + dir.toAbsolutePath()
                + "; set -Dexotrace.conformance.dir to the shared conformance directory");
        return dir;
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Files.newInputStream(dir().resolve(name));
        return name.endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    // ---- EPCIS -------------------------------------------------------------------------------------------------

    /** Why {@code json} is not a valid EPCIS 2.0 document by GS1's JSON Schema; empty when it is. */
    public static List<String> epcisProblems(String json) {
        return messages(epcisSchema().validate(json, InputFormat.JSON));
    }

    /** Fails unless {@code json} is a valid EPCIS 2.0 document by GS1's JSON Schema. */
    public static void assertEpcis(String json) {
        List<String> problems = epcisProblems(json);
        assertTrue(problems.isEmpty(), () -> "not valid against GS1's EPCIS 2.0 JSON Schema: " + problems);
    }

    private static Schema epcisSchema() {
        if (epcisSchema == null) {
            synchronized (Conformance.class) {
                if (epcisSchema == null) {
                    try (InputStream in = open("EPCIS-JSON-Schema.json")) {
                        epcisSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, registry -> registry
                                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())).getSchema(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return epcisSchema;
    }

    // ---- FHIR --------------------------------------------------------------------------------------------------

    /** Fails unless {@code json} is a FHIR R5 resource that passes every check named above. */
    public static void assertFhir(String json) {
        List<String> problems = fhirProblems(json);
        assertTrue(problems.isEmpty(), () -> "not conformant FHIR R5: " + problems + " in " + json);
    }

    /** Why {@code json} is not conformant FHIR R5 JSON; empty when it is. */
    public static List<String> fhirProblems(String json) {
        JsonObject resource;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            resource = reader.readObject();
        }
        String type = resource.getString("resourceType", "?");
        List<String> problems = new ArrayList<>();
        // the schema's definition of the type holds the resources inside (entries, contained) to theirs too
        Schema schema = FHIR_DEFINITIONS.computeIfAbsent(type, t -> fhirSchemas().getSchema(SchemaLocation.of(FHIR_SCHEMA_ID + "#/definitions/" + t)));
        problems.addAll(messages(schema.validate(json, InputFormat.JSON)));
        empties(resource, type, problems);
        resources(resource, type, problems);
        return problems;
    }

    /** Whether R5 core defines the search parameter {@code url} with this {@code code} on {@code base}. */
    public static boolean isR5SearchParameter(String url, String code, String base) {
        return rules().getJsonArray("searchParameters").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("url").equals(url) && p.getString("code").equals(code)
                        && p.getJsonArray("base").getValuesAs(JsonString.class).stream().anyMatch(b -> b.getString().equals(base)));
    }

    /** FHIR JSON has no empty arrays, objects or strings, and no nulls. */
    private static void empties(JsonValue value, String path, List<String> problems) {
        switch (value.getValueType()) {
            case NULL -> problems.add(path + ": null");
            case STRING -> {
                if (((JsonString) value).getString().isEmpty()) {
                    problems.add(path + ": empty string");
                }
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                if (array.isEmpty()) {
                    problems.add(path + ": empty array");
                }
                for (int i = 0; i < array.size(); i++) {
                    empties(array.get(i), path + "[" + i + "]", problems);
                }
            }
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                if (object.isEmpty()) {
                    problems.add(path + ": empty object");
                }
                object.forEach((name, member) -> empties(member, path + "." + name, problems));
            }
            default -> {
            }
        }
    }

    /** Every resource in {@code value}, itself included, against the R5 rules of its type. */
    private static void resources(JsonValue value, String path, List<String> problems) {
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().forEach(v -> resources(v, path, problems));
            return;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return;
        }
        JsonObject object = value.asJsonObject();
        if (object.get("resourceType") instanceof JsonString type) {
            resource(object, type.getString(), path, problems);
        }
        object.forEach((name, member) -> resources(member, path + "." + name, problems));
    }

    private static void resource(JsonObject resource, String type, String path, List<String> problems) {
        JsonObject required = rules().getJsonObject("required");
        if (required.containsKey(type)) {
            for (JsonString element : required.getJsonArray(type).getValuesAs(JsonString.class)) {
                String[] steps = element.getString().split("\\.");
                String last = steps[steps.length - 1];
                for (JsonObject parent : at(resource, steps, steps.length - 1)) {
                    if (!present(parent, last)) {
                        problems.add(path + ": " + element.getString() + " is required (min 1 in R5)");
                    }
                }
            }
        }
        for (Map.Entry<String, JsonValue> binding : bindings().getOrDefault(type, Map.of()).entrySet()) {
            String[] steps = binding.getKey().split("\\.");
            Set<String> codes = binding.getValue().asJsonObject().getJsonArray("codes").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).collect(Collectors.toSet());
            String last = steps[steps.length - 1];
            for (JsonObject parent : at(resource, steps, steps.length - 1)) {
                JsonValue bound = parent.get(last);
                if (bound != null && !boundCodes(bound).stream().allMatch(codes::contains)) {
                    problems.add(path + ": " + binding.getKey() + " " + boundCodes(bound) + " is not in its required value set "
                            + binding.getValue().asJsonObject().getString("valueSet"));
                }
            }
        }
    }

    /** The objects at {@code steps[1..count)} below the resource, arrays flattened; a choice step {@code x[x]} matches {@code xType}. */
    private static List<JsonObject> at(JsonObject resource, String[] steps, int count) {
        List<JsonObject> level = List.of(resource);
        for (int i = 1; i < count; i++) {
            List<JsonObject> next = new ArrayList<>();
            for (JsonObject parent : level) {
                for (Map.Entry<String, JsonValue> member : parent.entrySet()) {
                    if (named(member.getKey(), steps[i])) {
                        objects(member.getValue(), next);
                    }
                }
            }
            level = next;
        }
        return level;
    }

    private static void objects(JsonValue value, List<JsonObject> into) {
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            into.add(value.asJsonObject());
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().forEach(v -> objects(v, into));
        }
    }

    /** Whether the element is there: by its name, a choice's typed name, or a primitive's {@code _name} extension. */
    private static boolean present(JsonObject parent, String element) {
        return parent.keySet().stream().anyMatch(key -> named(key.startsWith("_") ? key.substring(1) : key, element));
    }

    private static boolean named(String key, String element) {
        if (element.endsWith("[x]")) {
            String stem = element.substring(0, element.length() - 3);
            return key.startsWith(stem) && key.length() > stem.length() && Character.isUpperCase(key.charAt(stem.length()));
        }
        return key.equals(element);
    }

    /** The codes a bound element carries: a code, a Coding's code, or a CodeableConcept's codings' codes. */
    private static List<String> boundCodes(JsonValue value) {
        List<String> codes = new ArrayList<>();
        switch (value.getValueType()) {
            case STRING -> codes.add(((JsonString) value).getString());
            case ARRAY -> value.asJsonArray().forEach(v -> codes.addAll(boundCodes(v)));
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                if (object.get("code") instanceof JsonString code) {
                    codes.add(code.getString());
                }
                if (object.containsKey("coding")) {
                    codes.addAll(boundCodes(object.get("coding")));
                }
            }
            default -> {
            }
        }
        return codes;
    }

    private static SchemaRegistry fhirSchemas() {
        if (fhirSchemas == null) {
            synchronized (Conformance.class) {
                if (fhirSchemas == null) {
                    String schema;
                    try (InputStream in = open("fhir.r5.schema.json.gz")) {
                        schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    // draft-06 names its base "$id"; HL7's file still says "id" (draft-04's), which the validator refuses
                    String named = schema.replaceFirst("\"id\"\\s*:\\s*\"" + FHIR_SCHEMA_ID + "\"", "\"\\$id\": \"" + FHIR_SCHEMA_ID + "\"");
                    fhirSchemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6, registry -> registry
                            .schemas(Map.of(FHIR_SCHEMA_ID, named))
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
                }
            }
        }
        return fhirSchemas;
    }

    private static JsonObject rules() {
        if (r5Rules == null) {
            synchronized (Conformance.class) {
                if (r5Rules == null) {
                    try (InputStream in = open("fhir-r5-rules.json"); JsonReader reader = Json.createReader(in)) {
                        r5Rules = reader.readObject();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return r5Rules;
    }

    /** The required bindings by resource type, then element path. */
    private static Map<String, Map<String, JsonValue>> bindings() {
        if (bindingsByType == null) {
            Map<String, Map<String, JsonValue>> byType = new HashMap<>();
            rules().getJsonObject("bindings").forEach((path, binding) ->
                    byType.computeIfAbsent(path.substring(0, path.indexOf('.')), t -> new HashMap<>()).put(path, binding));
            bindingsByType = byType;
        }
        return bindingsByType;
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
