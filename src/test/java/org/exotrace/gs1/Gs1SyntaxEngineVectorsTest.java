package org.exotrace.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the unit-test vectors of GS1's reference syntax engine (gs1/gs1-syntax-engine, see SOURCES.md beside the file)
 * against the stage of this parser that does the same job, expecting the engine's verdict: linters against
 * {@link Gs1Linters}, bracketed and element-string data against the syntax readers and the value checks, the AI
 * rules against {@link Gs1Values}, Digital Link URIs and scan data against the whole reading. Every vector the
 * engine refuses is also refused by {@link Gs1BarcodeParser#parse}; every vector it accepts that carries a GTIN and
 * goes through every rule (Digital Link, scan data, requisites) is accepted by it.
 *
 * <p>The file is read in place from {@code ../shared/conformance} beside the project (system property
 * {@code exotrace.conformance.dir} to point elsewhere, resolved against the project directory).
 */
class Gs1SyntaxEngineVectorsTest {

    /** Lines whose verdict holds only under a non-default engine option, and why they do not apply. */
    static final Map<String, String> NOT_APPLICABLE = notApplicable();

    private static Map<String, String> notApplicable() {
        Map<String, String> reasons = new java.util.HashMap<>();
        for (int line : new int[] {1437, 1438, 1439}) {
            reasons.put("dl.c:" + line, "convenience alphas (/gtin/, /ser/): engine option off by default, not read here");
        }
        for (int line : new int[] {1449, 1459, 1469, 1484, 1494, 1635, 1641, 1669, 1679, 1689, 1699}) {
            reasons.put("dl.c:" + line, "zero-suppressed GTIN-8/12/13 in a Digital Link: engine option off by default;"
                    + " the default-option vector for the same URI (refused) runs");
        }
        reasons.put("dl.c:1767", "unknown AI (89) as a Digital Link attribute: engine option, off by default");
        for (int line = 2059; line <= 2064; line++) {
            reasons.put("ai.c:" + line, "AI (89) is not in the syntax dictionary: the engine ran this rule with"
                    + " unknown AIs permitted; this parser refuses unknown AIs, as the engine does by default");
        }
        for (int line = 2083; line <= 2086; line++) {
            reasons.put("ai.c:" + line, "AI (3338) is not in the syntax dictionary: the engine ran this rule with"
                    + " unknown AIs permitted; this parser refuses unknown AIs, as the engine does by default");
        }
        reasons.put("ai.c:1708", "'991234' without FNC1 in first position is not AI data to the engine; scanners"
                + " drop that FNC1, so the parser reads AI data without it (a separator-less scan, checked as such)");
        return Map.copyOf(reasons);
    }

    static final Clock JUNE_2025 = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);

    final Gs1BarcodeParser parser = new Gs1BarcodeParser(JUNE_2025);

    record Vector(String file, int line, String test, boolean valid, String input) {

        String id() {
            return file.substring(file.lastIndexOf('/') + 1) + ":" + line;
        }

        String stage() {
            int slash = test.indexOf('/');
            return slash >= 0 ? test.substring(slash + 1) : test;
        }
    }

    static Path vectorFile() {
        Path project = Path.of(System.getProperty("basedir", "."));
        Path dir = project.resolve(System.getProperty("exotrace.conformance.dir", "../shared/conformance"));
        return dir.resolve("gs1-syntax-engine-vectors.json");
    }

    static List<Vector> vectors() throws IOException {
        Path file = vectorFile();
        assertTrue(Files.isRegularFile(file), () -> "GS1 vectors not found at " + file.toAbsolutePath()
                + "; set -Dexotrace.conformance.dir to the shared conformance directory");
        List<Vector> vectors = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader json = Json.createReader(in)) {
            for (JsonObject v : json.readObject().getJsonArray("vectors").getValuesAs(JsonObject.class)) {
                vectors.add(new Vector(v.getString("file"), v.getInt("line"), v.getString("test"),
                        v.getBoolean("valid"), v.getString("input")));
            }
        }
        return vectors;
    }

    @TestFactory
    Stream<DynamicTest> everyApplicableVectorGetsTheEnginesVerdict() throws IOException {
        return vectors().stream()
                .filter(v -> !NOT_APPLICABLE.containsKey(v.id()))
                .map(v -> DynamicTest.dynamicTest(v.id() + " " + (v.valid() ? "valid " : "invalid ")
                        + Gs1Text.quote(v.input()), () -> check(v)));
    }

    @Test
    void everyVectorIsRunOrNamedAsNotApplicable() throws IOException {
        List<Vector> vectors = vectors();
        assertEquals(694, vectors.size(), "the vector file changed: review the not-applicable list");
        long skipped = vectors.stream().filter(v -> NOT_APPLICABLE.containsKey(v.id())).count();
        assertEquals(NOT_APPLICABLE.size(), skipped, "every not-applicable line names a vector of the file");
        Set<String> stages = Set.of("gs1_lint_csum", "gs1_lint_yymmd0", "gs1_lint_cset82", "test_parseAIdata",
                "test_processAIdata", "validateAIrepeats", "validateAImutex", "validateAIrequisites",
                "validateDigSigRequiresSerialisedKey", "test_parseDLuri", "test_testProcessScanData");
        for (Vector v : vectors) {
            assertTrue(stages.contains(v.stage()), () -> "no stage for " + v);
        }
    }

    private void check(Vector v) {
        switch (v.stage()) {
            case "gs1_lint_csum" -> expectLinter(v, Gs1Linters.csum(v.input()));
            case "gs1_lint_yymmd0" -> expectLinter(v, Gs1Linters.yymmd0(v.input()));
            case "gs1_lint_cset82" -> expectLinter(v, Gs1Linters.cset82(v.input()));
            case "test_parseAIdata" -> expect(v, v.input(), () -> Gs1Values.checkEach(BracketedSyntax.split(v.input())));
            case "test_processAIdata" -> {
                String scan = v.input().replace('^', Gs1Text.GS);
                expect(v, scan, () -> Gs1Values.checkEach(ElementStringSyntax.read(scan).elements()));
            }
            case "validateAIrepeats" -> expectRule(v, Gs1Values::checkRepeats);
            case "validateAImutex" -> expectRule(v, Gs1Values::checkExclusions);
            case "validateAIrequisites" -> expectRule(v, Gs1Values::checkRequisites);
            case "validateDigSigRequiresSerialisedKey" -> expectRule(v, Gs1Values::checkSignatureKey);
            case "test_parseDLuri" -> expectWhole(v, () -> DigitalLinkSyntax.split(v.input()));
            case "test_testProcessScanData" -> expectWhole(v, () -> Gs1BarcodeParser.read(v.input()).elements());
            default -> fail("no stage for " + v);
        }
    }

    private static void expectLinter(Vector v, String problem) {
        assertEquals(v.valid(), problem == null, () -> v + " linter said: " + problem);
    }

    private void expectRule(Vector v, Consumer<List<Element>> rule) {
        expect(v, v.input(), () -> {
            List<Element> elements = BracketedSyntax.split(v.input());
            Gs1Values.checkEach(elements);
            rule.accept(elements);
        });
    }

    private void expectWhole(Vector v, java.util.function.Supplier<List<Element>> reading) {
        expect(v, v.input(), () -> {
            List<Element> elements = reading.get();
            Gs1Values.checkEach(elements);
            Gs1Values.checkTogether(elements);
        });
    }

    /** The stage's verdict is the engine's; a refused vector is refused by the whole parser too. */
    private void expect(Vector v, String scan, Runnable stage) {
        String refusal = null;
        try {
            stage.run();
        } catch (Refusal r) {
            refusal = r.getMessage();
        }
        String why = refusal;
        assertEquals(v.valid(), refusal == null, () -> v + (why == null ? " was accepted" : " was refused: " + why));
        BarcodeParseResult whole = parser.parse(scan);
        if (!v.valid()) {
            assertInstanceOf(BarcodeParseResult.Invalid.class, whole, () -> v + " accepted by the parser: " + whole);
        } else if (fullyValidated(v) && carriesGtin(scan)) {
            assertInstanceOf(Gs1Label.class, whole, () -> v + " refused by the parser: " + whole);
        }
    }

    private static boolean fullyValidated(Vector v) {
        return Set.of("test_parseDLuri", "test_testProcessScanData", "validateAIrequisites").contains(v.stage());
    }

    private static boolean carriesGtin(String scan) {
        try {
            return Gs1BarcodeParser.read(scan).elements().stream().anyMatch(e -> e.ai().equals("01"));
        } catch (Refusal r) {
            return false;
        }
    }
}
