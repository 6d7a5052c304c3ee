package org.exotrace.gs1;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1BarcodeParserTest {

    static final String GS = "\u001d";
    static final String GS1_EXAMPLE_GTIN = "09506000134352";
    static final String DEMO_GTIN = "04912345000019";

    /** "Today" is 2025-06-15, so the century window for YY is 1976..2075. */
    static final Clock JUNE_2025 = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);

    final Gs1BarcodeParser parser = new Gs1BarcodeParser(JUNE_2025);

    Gs1Label accepted(String scan) {
        return accepted(parser, scan);
    }

    static Gs1Label accepted(Gs1BarcodeParser parser, String scan) {
        BarcodeParseResult result = parser.parse(scan);
        if (result instanceof BarcodeParseResult.Invalid invalid) {
            throw new AssertionError("expected " + Gs1Text.quote(scan) + " to parse but: " + invalid.reason());
        }
        return (Gs1Label) result;
    }

    String refused(String scan) {
        return refused(parser, scan);
    }

    static String refused(Gs1BarcodeParser parser, String scan) {
        BarcodeParseResult result = parser.parse(scan);
        BarcodeParseResult.Invalid invalid = assertInstanceOf(BarcodeParseResult.Invalid.class, result,
                () -> "expected a refusal for " + scan + " but got " + result);
        assertFalse(invalid.reason().isBlank());
        assertFalse(invalid.reason().contains("internal parser error"), invalid.reason());
        return invalid.reason();
    }

    static void assertReasonMentions(String reason, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(reason.contains(fragment), () -> "reason '" + reason + "' should mention '" + fragment + "'");
        }
    }

    @Nested
    class ElementStrings {

        @Test
        void publishedGs1DataMatrixExampleWithLotLastParses() {
            Gs1Label label = accepted("]d201095060001343521718112910ABC123");
            assertEquals(new Gs1Label(new Gtin(GS1_EXAMPLE_GTIN), Optional.of(LocalDate.of(2018, 11, 29)),
                    Optional.of("ABC123"), Optional.empty(), Optional.empty(), BarcodeForm.ELEMENT_STRING), label);
        }

        @Test
        void dataMatrixWithSymbologyIdentifierAndGroupSeparatorsParses() {
            Gs1Label label = accepted("]d2010491234500001910NFC2611A" + GS + "17270531210001");
            assertEquals(new Gs1Label(new Gtin(DEMO_GTIN), Optional.of(LocalDate.of(2027, 5, 31)),
                    Optional.of("NFC2611A"), Optional.of("0001"), Optional.empty(), BarcodeForm.ELEMENT_STRING),
                    label);
        }

        @ParameterizedTest
        @ValueSource(strings = {"]d2", "]C1", "]Q3", "]e0", ""})
        void everyGs1SymbologyIdentifierOrNoneIsAccepted(String prefix) {
            Gs1Label label = accepted(prefix + "0109506000134352" + "10LOT-1" + GS + "21S/N:7");
            assertEquals(Optional.of("LOT-1"), label.lot());
            assertEquals(Optional.of("S/N:7"), label.serial());
        }

        @ParameterizedTest
        @ValueSource(strings = {"<GS>", "{GS}", "\\u001d", "\\u001D", "^]", "\u001d"})
        void everyDocumentedGroupSeparatorRepresentationIsAccepted(String separator) {
            Gs1Label label = accepted("]C101" + DEMO_GTIN + "10NFC2611A" + separator + "210001"
                    + separator + "17270531");
            assertEquals(Optional.of("NFC2611A"), label.lot());
            assertEquals(Optional.of("0001"), label.serial());
            assertEquals(Optional.of(LocalDate.of(2027, 5, 31)), label.expiry());
        }

        @Test
        void applicationIdentifiersMayComeInAnyOrder() {
            Gs1Label label = accepted("210001" + GS + "17270531" + "10NFC2611A" + GS + "01" + DEMO_GTIN
                    + "11250301");
            assertEquals(new Gs1Label(new Gtin(DEMO_GTIN), Optional.of(LocalDate.of(2027, 5, 31)),
                    Optional.of("NFC2611A"), Optional.of("0001"), Optional.of(LocalDate.of(2025, 3, 1)),
                    BarcodeForm.ELEMENT_STRING), label);
        }

        @Test
        void gtinAloneIsEnoughAndEverythingElseIsEmpty() {
            Gs1Label label = accepted("01" + DEMO_GTIN);
            assertEquals(new Gs1Label(new Gtin(DEMO_GTIN), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), BarcodeForm.ELEMENT_STRING), label);
        }

        @Test
        void leadingGroupSeparatorForFnc1InFirstPositionIsTolerated() {
            assertEquals(DEMO_GTIN, accepted("]d2" + GS + "01" + DEMO_GTIN + "10A").gtin().value());
        }

        @Test
        void trailingGroupSeparatorIsTolerated() {
            assertEquals(Optional.of("A"), accepted("01" + DEMO_GTIN + "10A" + GS).lot());
        }

        @Test
        void groupSeparatorAfterFixedLengthFieldIsTolerated() {
            assertEquals(Optional.of("A"), accepted("01" + DEMO_GTIN + GS + "17270531" + GS + "10A").lot());
        }

        @Test
        void scannerLineEndingAndSurroundingSpacesAreIgnored() {
            assertEquals(Optional.of("A"), accepted("  ]d201" + DEMO_GTIN + "10A\r\n").lot());
        }

        @Test
        void lotAtTheEndWithoutAnySeparatorParses() {
            assertEquals(Optional.of("NFC2611A"), accepted("01" + DEMO_GTIN + "17270531" + "10NFC2611A").lot());
        }

        @Test
        void lotThatMerelyContainsAiDigitsIsNotAmbiguousWhenTheOtherReadingIsInvalid() {
            // "A1021" could only be split as lot "A" + lot "21" (a conflicting duplicate) or into unknown AIs.
            assertEquals(Optional.of("A1021"), accepted("01" + DEMO_GTIN + "17270531" + "10A1021").lot());
        }

        @Test
        void serialAtTheEndWithDigitsLikeAnAiIsAcceptedWhenSeparatorsWereTransmitted() {
            Gs1Label label = accepted("01" + DEMO_GTIN + "10LOT" + GS + "21X17270531");
            assertEquals(Optional.of("X17270531"), label.serial());
            assertEquals(Optional.empty(), label.expiry());
        }

        @Test
        void identicalDuplicateIsAccepted() {
            assertEquals(Optional.of("A"), accepted("01" + DEMO_GTIN + "10A" + GS + "01" + DEMO_GTIN).lot());
        }

        @Test
        void lotOfExactlyTwentyCharactersIsAccepted() {
            assertEquals(Optional.of("ABCDEFGHIJ0123456789"),
                    accepted("01" + DEMO_GTIN + "10ABCDEFGHIJ0123456789" + GS + "21X").lot());
        }

        @Test
        void everyCharacterOfSet82IsAcceptedInLotAndSerial() {
            String set82 = Gs1TestEncoder.SET_82;
            for (int i = 0; i < set82.length(); i += 20) {
                String chunk = set82.substring(i, Math.min(set82.length(), i + 20));
                Gs1Label label = accepted("01" + DEMO_GTIN + "10" + chunk + GS + "21" + chunk);
                assertEquals(Optional.of(chunk), label.lot());
                assertEquals(Optional.of(chunk), label.serial());
            }
        }
    }

    @Nested
    class MissingSeparators {

        @Test
        void lotFollowedBySerialWithoutSeparatorIsRefusedAsAmbiguous() {
            String reason = refused("]d201" + DEMO_GTIN + "17270531" + "10NFC2611A" + "210001");
            assertReasonMentions(reason, "ambiguous", "lot (10) 'NFC2611A210001'", "lot (10) 'NFC2611A'",
                    "serial (21) '0001'", "GS");
        }

        @Test
        void lotFollowedByExpiryWithoutSeparatorIsRefusedAsAmbiguous() {
            String reason = refused("01" + DEMO_GTIN + "10NFC2611A" + "17270531");
            assertReasonMentions(reason, "ambiguous", "expiry date (17) '270531'");
        }

        @Test
        void serialFollowedByLotWithoutSeparatorIsRefusedAsAmbiguous() {
            assertReasonMentions(refused("01" + DEMO_GTIN + "21SER1" + "10LOT9"), "ambiguous", "lot (10) 'LOT9'");
        }

        @Test
        void swallowedFieldsMakingTheLotTooLongAreReportedAsAPossiblyMissingSeparator() {
            String reason = refused("01" + DEMO_GTIN + "10NFC2611A" + "17270531" + "21SERIAL0001");
            assertReasonMentions(reason, "lot (10)", "more than the 20 allowed", "no group separator");
        }
    }

    @Nested
    class BracketedForm {

        @Test
        void demoLabelInBracketedFormParses() {
            Gs1Label label = accepted("(01)04912345000019(17)270531(10)NFC2611A(21)0001");
            assertEquals(new Gs1Label(new Gtin(DEMO_GTIN), Optional.of(LocalDate.of(2027, 5, 31)),
                    Optional.of("NFC2611A"), Optional.of("0001"), Optional.empty(), BarcodeForm.BRACKETED), label);
        }

        @Test
        void spacesBetweenBracketedElementsAreIgnored() {
            Gs1Label label = accepted("(01) 09506000134352 (10) ABC123 (17) 181129");
            assertEquals(Optional.of("ABC123"), label.lot());
            assertEquals(Optional.of(LocalDate.of(2018, 11, 29)), label.expiry());
        }

        @Test
        void escapedParenthesisStaysInTheValue() {
            assertEquals(Optional.of("A(B)(1)"), accepted("(01)" + DEMO_GTIN + "(10)A\\(B)\\(1)").lot());
        }

        @Test
        void strayParenthesisIsRefusedNotReadIntoTheValue() {
            assertReasonMentions(refused("(01)" + DEMO_GTIN + "(21)0001(1A)12345"), "'(1A)12", "does not open");
            assertReasonMentions(refused("(01)" + DEMO_GTIN + "(10)A(B)"), "bracketed form");
        }

        @Test
        void furtherValidAisAreCheckedAndLeftAside() {
            Gs1Label label = accepted("(01)" + DEMO_GTIN + "(240)ADD-1(10)L1(21)0001(250)SEC9(99)INTERNAL");
            assertEquals(Optional.of("L1"), label.lot());
            assertEquals(Optional.of("0001"), label.serial());
            assertReasonMentions(refused("(01)" + DEMO_GTIN + "(7003)2705311299"), "(7003)", "minute 99");
            assertReasonMentions(refused("(01)" + DEMO_GTIN + "(250)SEC9"), "(250)", "needs AI (21)");
        }

        @Test
        void aiOutsideTheSyntaxDictionaryIsRefusedByName() {
            assertReasonMentions(refused("(01)" + DEMO_GTIN + "(89)X"), "(89)", "not in the GS1 syntax dictionary");
        }

        @ParameterizedTest
        @ValueSource(strings = {"(1)04912345000019", "(ab)x", "(01", "(12345)1"})
        void malformedBracketsAreRefused(String scan) {
            assertReasonMentions(refused(scan), "bracketed form");
        }

        @Test
        void emptyBracketedValueIsRefused() {
            assertReasonMentions(refused("(01)" + DEMO_GTIN + "(10)(21)X"), "lot (10) is empty");
        }

        @Test
        void bracketedFormAfterSymbologyIdentifierIsRefusedWithAHint() {
            assertReasonMentions(refused("]d2(01)" + DEMO_GTIN), "bracketed");
        }
    }

    @Nested
    class DigitalLinks {

        @Test
        void fullDigitalLinkParses() {
            Gs1Label label = accepted("https://id.gs1.org/01/09506000134352/10/ABC123/21/XYZ?17=270531");
            assertEquals(new Gs1Label(new Gtin(GS1_EXAMPLE_GTIN), Optional.of(LocalDate.of(2027, 5, 31)),
                    Optional.of("ABC123"), Optional.of("XYZ"), Optional.empty(), BarcodeForm.DIGITAL_LINK), label);
        }

        @Test
        void percentEncodedLotAndSerialAreDecoded() {
            Gs1Label label = accepted("https://example.com/01/" + DEMO_GTIN + "/10/NFC%2F26%2511A/21/%3C0001%3e");
            assertEquals(Optional.of("NFC/26%11A"), label.lot());
            assertEquals(Optional.of("<0001>"), label.serial());
        }

        @Test
        void anyHostUpperCaseSchemePathPrefixAndFragmentAreAccepted() {
            Gs1Label label = accepted("HTTP://Scan.Clinic.Example:8443/resolver/v1/01/" + DEMO_GTIN + "/10/L1#top");
            assertEquals(DEMO_GTIN, label.gtin().value());
            assertEquals(Optional.of("L1"), label.lot());
        }

        @Test
        void otherQueryParametersAreIgnoredAndProductionDateIsRead() {
            Gs1Label label = accepted("https://h.example/01/" + DEMO_GTIN
                    + "?linkType=gs1:pip&3103=000195&11=250300&17=270500");
            assertEquals(Optional.of(LocalDate.of(2027, 5, 31)), label.expiry());
            assertEquals(Optional.of(LocalDate.of(2025, 3, 1)), label.productionDate());
            assertEquals(Optional.empty(), label.lot());
        }

        @Test
        void customStemHoldingAnAiIsReadFromTheRightmostKey() {
            Gs1Label label = accepted("https://h/01/stem/01/" + DEMO_GTIN + "/10/L1");
            assertEquals(DEMO_GTIN, label.gtin().value());
            assertEquals(Optional.of("L1"), label.lot());
        }

        @Test
        void consumerProductVariantBetweenGtinAndLotIsAccepted() {
            Gs1Label label = accepted("https://h/01/" + DEMO_GTIN + "/22/2A/10/L1/21/0001");
            assertEquals(Optional.of("L1"), label.lot());
            assertEquals(Optional.of("0001"), label.serial());
        }

        @Test
        void lotInTheQueryIsTakenWhenThePathCannotHoldIt() {
            assertEquals(Optional.of("L1"), accepted("https://h/01/" + DEMO_GTIN + "/235/TPX1?10=L1").lot());
        }

        @Test
        void serialWithoutLotIsAccepted() {
            assertEquals(Optional.of("7"), accepted("https://h/01/" + DEMO_GTIN + "/21/7").serial());
        }

        @Test
        void digitalLinkInsidePlainQrOrDataMatrixSymbologyIsAccepted() {
            assertEquals(DEMO_GTIN, accepted("]Q1https://h/01/" + DEMO_GTIN).gtin().value());
            assertEquals(DEMO_GTIN, accepted("]d1https://h/01/" + DEMO_GTIN).gtin().value());
            assertEquals(DEMO_GTIN, accepted("]J0https://h/01/" + DEMO_GTIN).gtin().value());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "https://h/01/04912345000019/21/S/10/L | qualifiers in order",
            "https://h/01/04912345000019/10/L/10/L | qualifiers in order",
            "https://h/01/04912345000019/99/ABC | qualifiers in order",
            "https://h/gtin/04912345000019 | no GS1 key",
            "https://h/01/ | has no value",
            "https://example.com/01/04912345000019/21/0001?10=WRONGLOT | belongs in the path",
            "https://h/01/04912345000019?10=L1 | belongs in the path",
            "https://h/01/04912345000019/10/L1?17=270531&17=270531 | appears twice",
            "https://h/01/04912345000019/10/L1?10=L1 | appears twice",
            "https://h/01/04912345000019?99=A&999=B | not an AI",
            "https://h/01/04912345000019?99= | is empty",
            "https://h/01/04912345000019?99=A+B | U+0020",
            "https://h/01/04912345000019?99=A%00B | NUL",
            "https://h/01/04912345000019/21/A%00 | NUL",
            "https://h/01/04912345000019?240=0123456789012345678901234567890 | at most 30",
            "HtTpS://h/01/04912345000019 | all lower or all upper case",
            "https://h/01/04912345000019/10/L1/ | no GS1 key",
            "https://h/01/04912345000019/10/L<1> | '<'",
            "https://h/01/4912345000019 | exactly 14 digits",
            "https://h/01/04912345000018 | has check digit 8, expected 9",
            "https://h/01/04912345000019/10/A%G1 | malformed percent-escape",
            "https://h/01/04912345000019/10/A%2 | malformed percent-escape",
            "https://h/01/04912345000019/10/A%20B | U+0020",
            "https://h/01/04912345000019/10/ | has no value",
            "https://h/01/04912345000019/10//21/S | has no value",
            "https://h/01/04912345000019?17=271301 | month 13",
            "https://h/01/04912345000019?17=270531&17=270630 | appears twice",
            "https://h | no host and path",
            "https:///01/04912345000019 | no host",
            "https://h/01/04912345000019/10/é | U+00E9",
            "]Q1hello | plain (non-GS1) symbol",
        })
        void malformedDigitalLinksAreRefusedWithAReason(String scan, String expectedFragment) {
            assertReasonMentions(refused(scan), expectedFragment);
        }

        @Test
        void spaceInsideDigitalLinkIsRefused() {
            assertReasonMentions(refused("https://h/01/" + DEMO_GTIN + "/10/A B"), "U+0020");
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest
        @CsvSource({
            "270200, 2027-02-28",
            "280200, 2028-02-29",
            "271200, 2027-12-31",
            "270400, 2027-04-30",
            "280229, 2028-02-29",
            "270101, 2027-01-01",
            "271231, 2027-12-31",
        })
        void expiryDayZeroMeansLastDayOfMonthAndRealDatesParse(String yymmdd, LocalDate expected) {
            assertEquals(Optional.of(expected), accepted("01" + DEMO_GTIN + "17" + yymmdd).expiry());
        }

        @Test
        void productionDateDayZeroMeansFirstDayOfMonth() {
            assertEquals(Optional.of(LocalDate.of(2025, 2, 1)),
                    accepted("01" + DEMO_GTIN + "11250200").productionDate());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "270229 | 2027 is not a leap year",
            "270230 | day 30 does not exist",
            "280230 | day 30 does not exist",
            "270132 | day 32 does not exist",
            "270431 | April 2027 has 30 days",
            "270001 | month 00",
            "271301 | month 13",
            "2705AB | must be exactly 6 digits",
        })
        void impossibleExpiryDatesAreRefused(String yymmdd, String expectedFragment) {
            assertReasonMentions(refused("01" + DEMO_GTIN + "17" + yymmdd), "expiry date (17)", expectedFragment);
        }

        @Test
        void impossibleProductionDateIsRefused() {
            assertReasonMentions(refused("01" + DEMO_GTIN + "11251301"), "production date (11)", "month 13");
        }

        @ParameterizedTest
        @CsvSource({
            "760101, 1976-01-01", // YY - 25 = 51: previous century
            "751231, 2075-12-31", // YY - 25 = 50: current century
            "000101, 2000-01-01",
            "990101, 1999-01-01",
            "250615, 2025-06-15",
        })
        void centuryRuleBoundariesIn2025(String yymmdd, LocalDate expected) {
            assertEquals(Optional.of(expected), accepted("01" + DEMO_GTIN + "17" + yymmdd).expiry());
        }

        @ParameterizedTest
        @CsvSource({
            "100101, 2110-01-01", // YY - 60 = -50: next century
            "110101, 2011-01-01", // YY - 60 = -49: current century
            "990101, 2099-01-01",
            "600101, 2060-01-01",
        })
        void centuryRuleBoundariesIn2060(String yymmdd, LocalDate expected) {
            Gs1BarcodeParser in2060 = new Gs1BarcodeParser(
                    Clock.fixed(Instant.parse("2060-01-01T00:00:00Z"), ZoneOffset.UTC));
            assertEquals(Optional.of(expected), accepted(in2060, "01" + DEMO_GTIN + "17" + yymmdd).expiry());
        }

        @Test
        void february29OfYearZeroDependsOnTheCentury() {
            assertEquals(Optional.of(LocalDate.of(2000, 2, 29)), accepted("01" + DEMO_GTIN + "17000229").expiry());
            Gs1BarcodeParser in2060 = new Gs1BarcodeParser(
                    Clock.fixed(Instant.parse("2060-01-01T00:00:00Z"), ZoneOffset.UTC));
            assertReasonMentions(refused(in2060, "01" + DEMO_GTIN + "17000229"), "2100 is not a leap year");
        }

        @Test
        void todayComesFromTheClockInItsZone() {
            // 2075-12-31T23:00Z is already 2076 in Tokyo: YY 26 is then 2126 rather than 2026.
            Instant instant = Instant.parse("2075-12-31T23:00:00Z");
            Gs1BarcodeParser utc = new Gs1BarcodeParser(Clock.fixed(instant, ZoneOffset.UTC));
            Gs1BarcodeParser tokyo = new Gs1BarcodeParser(Clock.fixed(instant, ZoneOffset.ofHours(9)));
            assertEquals(Optional.of(LocalDate.of(2026, 1, 1)), accepted(utc, "01" + DEMO_GTIN + "17260101").expiry());
            assertEquals(Optional.of(LocalDate.of(2126, 1, 1)),
                    accepted(tokyo, "01" + DEMO_GTIN + "17260101").expiry());
        }

        @Test
        void fullYearFollowsGs1SevenTwelveAcrossAWholeCentury() {
            for (int currentYear = 1990; currentYear <= 2110; currentYear++) {
                for (int yy = 0; yy < 100; yy++) {
                    int year = Gs1Dates.fullYear(yy, currentYear);
                    int diff = yy - currentYear % 100;
                    int expectedCentury = currentYear / 100 + (diff >= 51 ? -1 : diff <= -50 ? 1 : 0);
                    assertEquals(expectedCentury * 100 + yy, year, "yy=" + yy + " in " + currentYear);
                    assertTrue(year - currentYear >= -49 && year - currentYear <= 50, "window");
                }
            }
        }
    }

    @Nested
    class Refusals {

        @Test
        void nullIsRefused() {
            assertReasonMentions(refused(null), "null");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\r\n", "\t \n"})
        void emptyOrBlankIsRefused(String scan) {
            assertReasonMentions(refused(scan), "empty");
        }

        @Test
        void inputLongerThanTheCapIsRefusedBeforeAnyWork() {
            String justOver = "01" + DEMO_GTIN + " ".repeat(Gs1BarcodeParser.MAX_INPUT_LENGTH - 15);
            assertEquals(513, justOver.length());
            assertReasonMentions(refused(justOver), "513 characters", "at most 512");
            assertReasonMentions(refused("x".repeat(100_000)), "100000 characters");
        }

        @Test
        void inputAtTheCapIsParsedNormally() {
            String atCap = "01" + DEMO_GTIN + " ".repeat(Gs1BarcodeParser.MAX_INPUT_LENGTH - 16);
            assertEquals(512, atCap.length());
            assertEquals(DEMO_GTIN, accepted(atCap).gtin().value());
        }

        @Test
        void badGtinCheckDigitIsRefusedNamingBothDigits() {
            assertEquals("GTIN 09506000134359 has check digit 9, expected 2", refused("]d20109506000134359"));
        }

        @Test
        void missingGtinIsRefused() {
            assertReasonMentions(refused("17270531" + "10NFC2611A" + GS + "210001"), "GTIN (01) is missing");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "0200614141123452 | GTIN (01) is missing",
            "00006141411234567890 | GTIN (01) is missing",
            "0104912345000019700327053112 | AI (7003) EXPIRY TIME is 8 characters long; it needs exactly 10",
            "0104912345000019050 | no AI of the GS1 syntax dictionary starts with '050'",
            "0104912345000019703 | no AI of the GS1 syntax dictionary starts with '703'",
            "010491234500001931030001953102000100 | AI (3103) NET WEIGHT (kg) and AI (3102)",
        })
        void unknownAiOrOneBreakingAGs1RuleIsRefusedNamingIt(String scan, String expectedFragment) {
            assertReasonMentions(refused(scan), expectedFragment);
        }

        @ParameterizedTest
        @ValueSource(strings = {"01049123450000193103000195", "0104912345000019240ABC", "]J10104912345000019240ABC",
            "]e001049123450000192421" + GS + "10L1", "]E04912345000019"})
        void validAisBeyondTheVialsAreAccepted(String scan) {
            assertEquals(DEMO_GTIN, accepted(scan).gtin().value());
        }

        @Test
        void overLongLotIsRefused() {
            assertReasonMentions(refused("01" + DEMO_GTIN + "10ABCDEFGHIJ01234567890" + GS + "21X"),
                    "lot (10) is 21 characters long; at most 20");
        }

        @Test
        void overLongSerialIsRefused() {
            assertReasonMentions(refused("(01)" + DEMO_GTIN + "(21)" + "S".repeat(21)), "serial (21) is 21");
        }

        @Test
        void duplicateAiWithDifferentValuesIsRefused() {
            assertReasonMentions(refused("01" + DEMO_GTIN + "10A" + GS + "10B"),
                    "lot (10) appears twice with different values: 'A' and 'B'");
            assertReasonMentions(refused("01" + DEMO_GTIN + "01" + GS1_EXAMPLE_GTIN), "GTIN (01) appears twice");
        }

        @ParameterizedTest
        @ValueSource(strings = {"#", " ", "é", "\u0000", "\uD800", "~", "[", "$", "@", "`", "|", "\\"})
        void characterOutsideSet82IsRefused(String character) {
            assertReasonMentions(refused("01" + DEMO_GTIN + "10AB" + character + "C" + GS + "21X"),
                    "lot (10) contains", "character set 82");
        }

        @Test
        void emptyLotIsRefused() {
            assertReasonMentions(refused("01" + DEMO_GTIN + "10" + GS + "21X"), "lot (10) is empty");
        }

        @Test
        void twoSeparatorsInARowAreRefused() {
            assertReasonMentions(refused("01" + DEMO_GTIN + "10A" + GS + GS + "21X"), "two separators in a row");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "010950600013435 | GTIN (01) needs exactly 14 digits but the scan ends after 13 characters",
            "01ABCDEFGHIJKLMN | GTIN (01) must be exactly 14 digits",
            "0104912345000019172705 | expiry date (17) needs exactly 6 digits",
            "01049123450000191 | incomplete application identifier",
            "]d | incomplete symbology identifier",
            "]X0" + "0104912345000019 | symbology identifier ']X0' is not supported",
            "hello | not a GS1 element string",
            "]d2 0104912345000019 | not a GS1 element string",
        })
        void malformedElementStringsAreRefusedWithAReason(String scan, String expectedFragment) {
            assertReasonMentions(refused(scan), expectedFragment);
        }

        @Test
        void symbologyIdentifierWithoutDataIsRefused() {
            assertReasonMentions(refused("]d2\r\n"), "no data after the symbology identifier");
        }

        @Test
        void separatorInsideFixedLengthFieldIsRefused() {
            assertReasonMentions(refused("01049123" + GS + "45000019"), "a group separator follows after 6");
        }

        @Test
        void controlCharactersAndBinaryGarbageAreRefused() {
            assertAll(
                    () -> refused("\u0000\u0001\u0002"),
                    () -> refused("\uD800\uDC00\uDFFF"),
                    () -> refused("01" + DEMO_GTIN + "\u0000"),
                    () -> refused(GS),
                    () -> refused(GS + GS),
                    () -> refused("]"),
                    () -> refused("]d2" + GS));
        }

        @Test
        void refusalMessagesEscapeUnprintableCharacters() {
            String reason = refused("01" + DEMO_GTIN + "10A\u0007B");
            assertReasonMentions(reason, "U+0007");
            assertFalse(reason.chars().anyMatch(c -> c < 0x20 || c > 0x7E), reason);
        }
    }
}
