package org.exotrace.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;

/**
 * Writes the members of a streamed JSON answer (the trace, the lot report) with JSON-P's {@link JsonGenerator}, as JSON-B
 * writes them by default: nulls left out; enums, ids, dates and instants as text; decimals with their scale; a record's
 * members in lexicographic order (ADR 0036).
 */
public final class JsonMembers {

    /** Writes (part of) a document; for a member in {@link #record}, the member with its name. */
    @FunctionalInterface
    public interface Streamed {
        void write(JsonGenerator g) throws IOException;
    }

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private JsonMembers() {
    }

    /**
     * Writes a document to {@code out} in UTF-8 and closes it. A failure to write (the client went away) is the
     * {@link IOException} it was, not JSON-P's wrapping of it.
     */
    public static void write(OutputStream out, Streamed document) throws IOException {
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            document.write(g);
        } catch (JsonException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** An object of the given names and values, one after the other; {@code name} null in an array. */
    public static void object(JsonGenerator g, String name, Object... namesAndValues) throws IOException {
        if (name == null) {
            g.writeStartObject();
        } else {
            g.writeStartObject(name);
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            value(g, (String) namesAndValues[i], namesAndValues[i + 1]);
        }
        g.writeEnd();
    }

    /** One member (or, with {@code name} null, an array element); nothing when {@code value} is null. */
    public static void value(JsonGenerator g, String name, Object value) throws IOException {
        if (value == null) {
            return;
        }
        if (value instanceof Record r) {
            record(g, name, r, Map.of());
        } else if (value instanceof Collection<?> items) {
            if (name == null) {
                g.writeStartArray();
            } else {
                g.writeStartArray(name);
            }
            for (Object item : items) {
                value(g, null, item);
            }
            g.writeEnd();
        } else if (name == null) {
            element(g, value);
        } else if (value instanceof Boolean b) {
            g.write(name, b);
        } else if (value instanceof Long || value instanceof Integer) {
            g.write(name, ((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            g.write(name, d);
        } else {
            g.write(name, value.toString());
        }
    }

    private static void element(JsonGenerator g, Object value) {
        if (value instanceof Boolean b) {
            g.write(b);
        } else if (value instanceof Long || value instanceof Integer) {
            g.write(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            g.write(d);
        } else {
            g.write(value.toString());
        }
    }

    /**
     * A record as an object, its members in lexicographic order; a member named in {@code streamed} is written by its
     * writer in its place (its rows read while they are written).
     */
    public static void record(JsonGenerator g, String name, Record record, Map<String, Streamed> streamed) throws IOException {
        if (name == null) {
            g.writeStartObject();
        } else {
            g.writeStartObject(name);
        }
        RecordComponent[] components = record.getClass().getRecordComponents();
        Arrays.sort(components, Comparator.comparing(RecordComponent::getName));
        for (RecordComponent c : components) {
            Streamed writer = streamed.get(c.getName());
            if (writer != null) {
                writer.write(g);
            } else {
                value(g, c.getName(), member(record, c));
            }
        }
        g.writeEnd();
    }

    private static Object member(Record record, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
