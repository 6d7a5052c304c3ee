package org.exotrace.gs1;

import static org.exotrace.gs1.Gs1TestEncoder.SET_82;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class Gs1BarcodeParserPropertiesTest {

    private static final String GS = Gs1TestEncoder.GS;

    private final Gs1BarcodeParser parser = new Gs1BarcodeParser(Gs1BarcodeParserTest.JUNE_2025);

    // ---- (1) totality ----------------------------------------------------------------------------

    @Property(tries = 300)
    void anyStringOfAnyLengthAndAnyCharactersNeverThrows(@ForAll("anyText") String scan) {
        ResultInvariants.assertWellFormed(parser.parse(scan));
    }

    @Property(tries = 2000)
    void anySoupOfBarcodeLikeTokensNeverThrows(@ForAll("tokenSoup") String scan) {
        ResultInvariants.assertWellFormed(parser.parse(scan));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(600)),
                Tuple.of(3, Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(600)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\uffff')
                        .ofMaxLength(100_000)));
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("01", "10", "11", "17", "21", "00", "02", "05", "7003", "3103", "240", "703",
                        "04912345000019", "09506000134352", "270531", "000229", "270200", "271301",
                        GS, "<GS>", "{GS}", "\\u001d", "^]", "]d2", "]C1", "]Q3", "]e0", "]Q1", "]d1", "]",
                        "(", ")", "(01)", "(10)", "(11)", "(17)", "(21)", "(7003)", "https://h", "http://",
                        "/01/", "/10/", "/21/", "/", "?", "?17=", "&11=", "&", "=", "#", "%", "%2F", "%G", "%e9",
                        "\uD800", "\uDC00", "\u0000", "\r\n", " ", "\t", "é", "\uFFFF", "\uFEFF"),
                Arbitraries.strings().withChars(SET_82).ofMaxLength(6),
                Arbitraries.strings().numeric().ofMaxLength(14),
                Arbitraries.chars().all().map(String::valueOf));
        return token.list().ofMaxSize(40).map(tokens -> String.join("", tokens));
    }

    // ---- (2) round trip --------------------------------------------------------------------------

    @Property(tries = 500)
    void elementStringEncodingRoundTrips(@ForAll("labels") Gs1Label label, @ForAll Random random,
                                         @ForAll("symbologyPrefixes") String prefix,
                                         @ForAll("separators") String separator) {
        List<Gs1TestEncoder.Field> fields = new ArrayList<>(Gs1TestEncoder.fields(label));
        Collections.shuffle(fields, random);
        Assume.that(fields.stream().noneMatch(f -> f.value().contains("<GS>")));
        String scan = Gs1TestEncoder.elementString(fields, prefix, separator);
        Gs1Label expected = withForm(label, BarcodeForm.ELEMENT_STRING);

        BarcodeParseResult result = parser.parse(scan);

        Gs1TestEncoder.Field last = fields.get(fields.size() - 1);
        boolean noSeparatorSent = fields.stream().limit(fields.size() - 1).noneMatch(Gs1TestEncoder.Field::variable);
        if (noSeparatorSent && last.variable() && tailMightBeAnAi(last.value())) {
            // Legitimately ambiguous without GS: either read as encoded, or refused as ambiguous.
            assertTrue(expected.equals(result) || result instanceof BarcodeParseResult.Invalid invalid
                    && invalid.reason().startsWith("ambiguous scan"), () -> scan + " -> " + result);
        } else {
            assertEquals(expected, result, () -> "scan " + Gs1Text.quote(scan));
        }
    }

    @Property(tries = 500)
    void bracketedEncodingRoundTrips(@ForAll("labels") Gs1Label label, @ForAll Random random) {
        List<Gs1TestEncoder.Field> fields = new ArrayList<>(Gs1TestEncoder.fields(label));
        Collections.shuffle(fields, random);
        String scan = Gs1TestEncoder.bracketed(fields);
        assertEquals(withForm(label, BarcodeForm.BRACKETED), parser.parse(scan), scan);
    }

    @Property(tries = 500)
    void digitalLinkEncodingRoundTrips(@ForAll("labels") Gs1Label label, @ForAll Random random,
                                       @ForAll("hosts") String host, @ForAll boolean extraQueryParameters) {
        String scan = Gs1TestEncoder.digitalLink(label, host, random, extraQueryParameters);
        assertEquals(withForm(label, BarcodeForm.DIGITAL_LINK), parser.parse(scan), scan);
    }

    @Provide
    Arbitrary<Gs1Label> labels() {
        Arbitrary<LocalDate> datesInCenturyWindow = Arbitraries
                .longs().between(LocalDate.of(1976, 1, 1).toEpochDay(), LocalDate.of(2075, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<String> set82Values = Arbitraries.strings().withChars(SET_82).ofMinLength(1).ofMaxLength(20);
        return Combinators.combine(gtins(), datesInCenturyWindow.optional(), set82Values.optional(),
                        set82Values.optional(), datesInCenturyWindow.optional())
                .as((gtin, expiry, lot, serial, production) ->
                        new Gs1Label(gtin, expiry, lot, serial, production, BarcodeForm.ELEMENT_STRING));
    }

    @Provide
    Arbitrary<Gtin> gtins() {
        return Arbitraries.strings().numeric().ofLength(13)
                .map(first13 -> new Gtin(Gs1TestEncoder.withCheckDigit(first13)));
    }

    @Provide
    Arbitrary<String> symbologyPrefixes() {
        return Arbitraries.of(Gs1TestEncoder.GS1_SYMBOLOGY_PREFIXES);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(Gs1TestEncoder.GS_FORMS);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of("id.gs1.org", "example.com", "scan.clinic.example:8443", "h/some/prefix");
    }

    private static Gs1Label withForm(Gs1Label label, BarcodeForm form) {
        return new Gs1Label(label.gtin(), label.expiry(), label.lot(), label.serial(), label.productionDate(), form);
    }

    /** Conservative: could some proper tail of the value start with a supported AI? */
    private static boolean tailMightBeAnAi(String value) {
        for (int cut = 1; cut + 2 <= value.length(); cut++) {
            if (List.of("01", "10", "11", "17", "21").contains(value.substring(cut, cut + 2))) {
                return true;
            }
        }
        return false;
    }

    // ---- (3) single digit errors -----------------------------------------------------------------

    @Property(tries = 1000)
    void anySingleDigitChangeInAValidGtinIsRefused(@ForAll("gtins") Gtin gtin,
                                                   @ForAll @IntRange(max = 13) int position,
                                                   @ForAll @IntRange(min = 1, max = 9) int delta) {
        char[] digits = gtin.value().toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + delta) % 10);
        String mutated = new String(digits);

        assertFalse(Gtin.isValid(mutated));
        for (String scan : List.of("]d201" + mutated, "(01)" + mutated, "https://h/01/" + mutated)) {
            BarcodeParseResult result = parser.parse(scan);
            String reason = assertInstanceOf(BarcodeParseResult.Invalid.class, result, scan).reason();
            assertTrue(reason.startsWith("GTIN " + mutated + " has check digit "), reason);
        }
    }

    @Property(tries = 300)
    void checkDigitAlwaysCompletesAValidGtin(@ForAll("thirteenDigits") String first13) {
        assertTrue(Gtin.isValid(first13 + Gtin.checkDigit(first13)));
    }

    @Provide
    Arbitrary<String> thirteenDigits() {
        return Arbitraries.strings().numeric().ofLength(13);
    }
}
