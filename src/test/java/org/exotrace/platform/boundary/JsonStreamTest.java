package org.exotrace.platform.boundary;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The trace and the lot report are written with {@link JsonStream} where Parsson's JSON-P generator wrote them: for any
 * document, the same calls must give the same bytes (escapes, UTF-8, numbers, nesting, commas, the buffer's edges).
 */
class JsonStreamTest {

    record Entry(String name, Object value) {
    }

    record Obj(List<Entry> entries) {
    }

    record Arr(List<Obj> items) {
    }

    @Test
    void writesEscapesAndUtf8AsParssonDoes() throws IOException {
        Obj doc = new Obj(List.of(new Entry("text", "a \"quoted\" \\ back/slash\b\f\n\r\t\u0000\u001f\u007f é 日本 \uD83D\uDE00 lone \uD800 end"),
                new Entry("none", null), new Entry("id", UUID.fromString("0000000f-00a0-0b00-c000-0000000000d1")),
                new Entry("at", Instant.parse("2026-12-03T09:30:00.120Z")), new Entry("n", Long.MIN_VALUE),
                new Entry("ml", new BigDecimal("2.000")), new Entry("big", new BigDecimal("1E+3")), new Entry("yes", true),
                new Entry("empty", new Obj(List.of())), new Entry("list", new Arr(List.of(new Obj(List.of()), new Obj(List.of(new Entry("x", ""))))))));
        String written = new String(stream(doc), StandardCharsets.UTF_8);
        assertEquals("{\"text\":\"a \\\"quoted\\\" \\\\ back/slash\\b\\f\\n\\r\\t\\u0000\\u001f\u007f é 日本 \uD83D\uDE00 lone ? end\","
                + "\"id\":\"0000000f-00a0-0b00-c000-0000000000d1\",\"at\":\"2026-12-03T09:30:00.120Z\",\"n\":-9223372036854775808,"
                + "\"ml\":2.000,\"big\":1E+3,\"yes\":true,\"empty\":{},\"list\":[{},{\"x\":\"\"}]}", written);
        assertArrayEquals(parsson(doc), stream(doc));
    }

    @Property(tries = 2000)
    void writesTheBytesParssonWrites(@ForAll("documents") Obj doc) throws IOException {
        assertArrayEquals(parsson(doc), stream(doc));
    }

    @Test
    void writesTextThatEndsAtOrCrossesTheBuffersEdge() throws IOException {
        for (int length = 8_100; length <= 8_200; length++) {
            for (String tail : new String[] {"", "é", "\n", "\uD83D\uDE00"}) {
                Obj doc = new Obj(List.of(new Entry("t", "x".repeat(length) + tail), new Entry("u", "y".repeat(length))));
                assertArrayEquals(parsson(doc), stream(doc), "text of " + length + " chars and " + tail.length() + " more");
            }
        }
    }

    @Test
    void refusesANameThatWouldNeedEscaping() {
        assertThrows(IllegalArgumentException.class, () -> JsonStream.Name.of("a\"b"));
        assertThrows(IllegalArgumentException.class, () -> JsonStream.Name.of("é"));
    }

    static byte[] stream(Obj doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonStream s = new JsonStream(out)) {
            s.startObject();
            members(s, doc);
            s.end();
        }
        return out.toByteArray();
    }

    private static void members(JsonStream s, Obj o) throws IOException {
        for (Entry e : o.entries()) {
            JsonStream.Name name = JsonStream.Name.of(e.name());
            Object v = e.value();
            if (v instanceof Long l) {
                s.number(name, l);
            } else if (v instanceof BigDecimal d) {
                s.number(name, d);
            } else if (v instanceof Boolean b) {
                s.bool(name, b);
            } else if (v instanceof Obj nested) {
                s.startObject(name);
                members(s, nested);
                s.end();
            } else if (v instanceof Arr a) {
                s.startArray(name);
                for (Obj item : a.items()) {
                    s.startObject();
                    members(s, item);
                    s.end();
                }
                s.end();
            } else {
                s.text(name, v);
            }
        }
    }

    /** The same document through Parsson, as TraceJson wrote it before: instants as Instants.text, ids as toString. */
    static byte[] parsson(Obj doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.createGeneratorFactory(Map.of()).createGenerator(out)) {
            g.writeStartObject();
            members(g, doc);
            g.writeEnd();
        }
        return out.toByteArray();
    }

    private static void members(JsonGenerator g, Obj o) {
        for (Entry e : o.entries()) {
            String name = e.name();
            Object v = e.value();
            if (v instanceof String t) {
                g.write(name, t);
            } else if (v instanceof Instant t) {
                g.write(name, Instants.text(t));
            } else if (v instanceof UUID t) {
                g.write(name, t.toString());
            } else if (v instanceof Long l) {
                g.write(name, l);
            } else if (v instanceof BigDecimal d) {
                g.write(name, d);
            } else if (v instanceof Boolean b) {
                g.write(name, b);
            } else if (v instanceof Obj nested) {
                g.writeStartObject(name);
                members(g, nested);
                g.writeEnd();
            } else if (v instanceof Arr a) {
                g.writeStartArray(name);
                for (Obj item : a.items()) {
                    g.writeStartObject();
                    members(g, item);
                    g.writeEnd();
                }
                g.writeEnd();
            } else if (v != null) {
                throw new IllegalArgumentException(v.getClass().getName());
            }
        }
    }

    @Provide
    Arbitrary<Obj> documents() {
        return objects(3);
    }

    private static Arbitrary<Obj> objects(int depth) {
        Arbitrary<Object> texts = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(4, Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080 aé\u07ff\u0800日\uffff\uD83D\uDE00\uD800\uDC00")
                        .ofMaxLength(40)),
                // Longer than the writer's buffer, so that strings cross its edge.
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(4000).ofMaxLength(20000)),
                // Plain ASCII (the writer's fast path) in and across the buffer's edge, with an escape or two now and then.
                Tuple.of(2, Arbitraries.strings().ascii().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().withCharRange(' ', '~').withChars('\n', 'é').ofMinLength(2000).ofMaxLength(20000)));
        Arbitrary<Object> leaf = Arbitraries.oneOf(texts,
                Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong())),
                Arbitraries.longs(),
                Combinators.combine(Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30)),
                        Arbitraries.integers().between(-5, 12)).as(BigDecimal::new),
                Arbitraries.of(true, false),
                Arbitraries.longs().between(0, 253_402_300_799L).map(Instant::ofEpochSecond))
                .injectNull(0.1);
        Arbitrary<Object> value = depth == 0 ? leaf : Arbitraries.frequencyOf(Tuple.of(8, leaf),
                Tuple.of(1, Arbitraries.lazy(() -> objects(depth - 1))),
                Tuple.of(1, Arbitraries.lazy(() -> objects(depth - 1)).list().ofMaxSize(4).map(Arr::new)));
        Arbitrary<String> names = Arbitraries.strings().withCharRange(' ', '~').excludeChars('"', '\\').ofMinLength(1).ofMaxLength(16);
        return Combinators.combine(names, value).as(Entry::new).list().ofMaxSize(8).map(Obj::new);
    }
}
