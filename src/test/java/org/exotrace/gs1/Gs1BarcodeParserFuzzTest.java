package org.exotrace.gs1;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded mutation fuzzing of valid encodings: deterministic, about a second. */
class Gs1BarcodeParserFuzzTest {

    private static final long SEED = 0x5EED_E707L;
    private static final int ITERATIONS = 20_000;
    private static final String INTERESTING = "0123456789()/%?&=#]<>{}^\\\u001d\r\n \u0000\u00e9";

    private final Gs1BarcodeParser parser = new Gs1BarcodeParser(Gs1BarcodeParserTest.JUNE_2025);

    @Test
    void mutatedValidEncodingsNeverThrowAndEverySuccessHasAValidGtin() {
        Random random = new Random(SEED);
        List<String> seeds = validEncodings(random);
        for (String seed : seeds) {
            assertTrue(parser.parse(seed) instanceof Gs1Label, () -> "seed must be valid: " + seed);
        }
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            String mutant = mutate(seed, random);
            BarcodeParseResult result;
            try {
                result = parser.parse(mutant);
            } catch (Throwable t) {
                throw new AssertionError("parser threw on " + Gs1Text.quote(mutant), t);
            }
            ResultInvariants.assertWellFormed(result);
            if (result instanceof Gs1Label) {
                accepted++;
            } else {
                refused++;
            }
        }
        // Sanity: the mutations neither always break nor never break the input.
        int finalAccepted = accepted;
        int finalRefused = refused;
        assertTrue(accepted > ITERATIONS / 100 && refused > ITERATIONS / 2,
                () -> "accepted " + finalAccepted + ", refused " + finalRefused);
    }

    private static List<String> validEncodings(Random random) {
        List<String> encodings = new ArrayList<>(List.of(
                "]d201095060001343521718112910ABC123",
                "(01)04912345000019(17)270531(10)NFC2611A(21)0001",
                "https://id.gs1.org/01/09506000134352/10/ABC123/21/XYZ?17=270531"));
        for (int i = 0; i < 40; i++) {
            String first13 = String.format("%013d", Math.floorMod(random.nextLong(), 10_000_000_000_000L));
            Gs1Label label = new Gs1Label(new Gtin(Gs1TestEncoder.withCheckDigit(first13)),
                    Optional.of(LocalDate.of(2020 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28))),
                    Optional.of(randomSet82(random)), Optional.of(randomSet82(random)),
                    random.nextBoolean() ? Optional.of(LocalDate.of(2024, 1 + random.nextInt(12), 1)) : Optional.empty(),
                    BarcodeForm.ELEMENT_STRING);
            List<Gs1TestEncoder.Field> fields = new ArrayList<>(Gs1TestEncoder.fields(label));
            Collections.shuffle(fields, random);
            String prefix = Gs1TestEncoder.GS1_SYMBOLOGY_PREFIXES.get(
                    random.nextInt(Gs1TestEncoder.GS1_SYMBOLOGY_PREFIXES.size()));
            String gs = Gs1TestEncoder.GS_FORMS.get(random.nextInt(Gs1TestEncoder.GS_FORMS.size()));
            encodings.add(Gs1TestEncoder.elementString(fields, prefix, gs));
            encodings.add(Gs1TestEncoder.bracketed(fields));
            encodings.add(Gs1TestEncoder.digitalLink(label, "example.com", random, random.nextBoolean()));
        }
        return encodings;
    }

    private static String randomSet82(Random random) {
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(12);
        while (out.length() < length) {
            char c = Gs1TestEncoder.SET_82.charAt(random.nextInt(Gs1TestEncoder.SET_82.length()));
            if ("()<".indexOf(c) < 0) { // keep seeds unambiguous in every syntax
                out.append(c);
            }
        }
        return out.toString();
    }

    static String mutate(String input, Random random) {
        StringBuilder s = new StringBuilder(input);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            switch (random.nextInt(7)) {
                case 0 -> { // bit flip, usually in the low byte
                    if (s.length() > 0) {
                        int bit = random.nextInt(5) == 0 ? random.nextInt(16) : random.nextInt(8);
                        s.setCharAt(at, (char) (s.charAt(at) ^ (1 << bit)));
                    }
                }
                case 1 -> s.insert(at, INTERESTING.charAt(random.nextInt(INTERESTING.length())));
                case 2 -> s.insert(at, (char) random.nextInt(0x10000));
                case 3 -> {
                    if (s.length() > 0) {
                        s.deleteCharAt(at);
                    }
                }
                case 4 -> s.setLength(at); // truncation
                case 5 -> { // duplicate a slice
                    int end = Math.min(s.length(), at + 1 + random.nextInt(8));
                    s.insert(at, s.substring(at, end));
                }
                default -> { // replace by a digit
                    if (s.length() > 0) {
                        s.setCharAt(at, (char) ('0' + random.nextInt(10)));
                    }
                }
            }
        }
        return s.toString();
    }
}
