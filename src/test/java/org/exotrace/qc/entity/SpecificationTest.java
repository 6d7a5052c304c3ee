package org.exotrace.qc.entity;

import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.exotrace.qc.entity.QcFixtures.ENDOTOXIN;
import static org.exotrace.qc.entity.QcFixtures.IDENTITY;
import static org.exotrace.qc.entity.QcFixtures.PARTICLES;
import static org.exotrace.qc.entity.QcFixtures.PROTEIN;
import static org.exotrace.qc.entity.QcFixtures.STERILITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecificationTest {

    private static Judgement quantity(org.exotrace.catalog.entity.AssaySpec spec, String value, String unit) {
        return Specification.judge(spec, new Reading.Quantity(new BigDecimal(value), unit));
    }

    @ParameterizedTest(name = "endotoxin {0} EU/mL is {1}")
    @CsvSource({"0, PASS", "0.49, PASS", "0.5, PASS", "0.500, PASS", "0.5000001, FAIL", "0.51, FAIL", "12, FAIL"})
    void anUpperLimitIsInclusive(String value, Judgement expected) {
        assertEquals(expected, quantity(ENDOTOXIN, value, "EU/mL"));
    }

    @ParameterizedTest(name = "{0} particles/mL is {1}")
    @CsvSource({"3.9E11, PASS", "390000000000, PASS", "389999999999, FAIL", "7.8E11, PASS", "1E10, FAIL"})
    void aLowerLimitIsInclusiveWhateverTheNotation(String value, Judgement expected) {
        assertEquals(expected, quantity(PARTICLES, value, "particles/mL"));
    }

    @ParameterizedTest(name = "protein {0} mg/mL is {1}")
    @CsvSource({"0.09, FAIL", "0.10, PASS", "1.0, PASS", "2.00, PASS", "2.01, FAIL"})
    void aRangeIncludesBothEnds(String value, Judgement expected) {
        assertEquals(expected, quantity(PROTEIN, value, "mg/mL"));
    }

    @ParameterizedTest(name = "endotoxin {0} EU/mL is refused, not stored as another number")
    @CsvSource({"4.2e262155", "-1e262144", "1e-1000000", "1e20000000", "1e18", "0.0000000000001", "0.1000000000000"})
    void aValueThatWouldNotBeStoredAsItselfIsRefused(String value) {
        var e = assertThrows(DomainError.class, () -> quantity(ENDOTOXIN, value, "EU/mL"));
        assertEquals("VALUE_OUT_OF_RANGE", e.code());
        assertEquals("value", e.field());
    }

    @ParameterizedTest(name = "{0} particles/mL is judged")
    @CsvSource({"999999999999999999.999999999999", "0.000000000001", "3.9E11"})
    void eighteenDigitsBeforeThePointAndTwelveAfterAreJudged(String value) {
        quantity(PARTICLES, value, "particles/mL");
    }

    @Test
    void aNegativeValueIsATypoUnlessALimitIsBelowZero() {
        var e = assertThrows(DomainError.class, () -> quantity(ENDOTOXIN, "-0.6", "EU/mL"));
        assertEquals("NEGATIVE_VALUE", e.code());
        assertEquals("NEGATIVE_VALUE", assertThrows(DomainError.class, () -> quantity(PROTEIN, "-1", "mg/mL")).code());
        assertEquals(Judgement.PASS, quantity(ENDOTOXIN, "-0", "EU/mL"), "minus zero is zero");
        var zeta = org.exotrace.catalog.entity.AssaySpec.range("ZETA_POTENTIAL", new BigDecimal("-40"), new BigDecimal("-10"), "mV");
        assertEquals(Judgement.PASS, quantity(zeta, "-25", "mV"));
        assertEquals(Judgement.FAIL, quantity(zeta, "-5", "mV"));
        var belowZero = org.exotrace.catalog.entity.AssaySpec.range("DELTA", null, new BigDecimal("-1"), "mV");
        assertEquals(Judgement.PASS, quantity(belowZero, "-3", "mV"), "an upper limit below zero allows negatives too");
        var fromMinusOne = org.exotrace.catalog.entity.AssaySpec.range("DELTA", new BigDecimal("-1"), null, "mV");
        assertEquals(Judgement.FAIL, quantity(fromMinusOne, "-3", "mV"));
    }

    @Test
    void aUnitOtherThanTheSpecificationsIsRefusedNotCompared() {
        var e = assertThrows(DomainError.class, () -> quantity(ENDOTOXIN, "0.1", "EU/ml"));
        assertEquals("UNIT_MISMATCH", e.code());
        assertEquals("unit", e.field());
        assertTrue(e.getMessage().contains("EU/mL"), e.getMessage());
        assertEquals("UNIT_MISMATCH", assertThrows(DomainError.class, () -> quantity(PARTICLES, "3.9E8", "particles/uL")).code());
    }

    @Test
    void surroundingBlanksInAUnitAreNotAMismatch() {
        assertEquals(Judgement.PASS, quantity(ENDOTOXIN, "0.1", " EU/mL "));
    }

    @Test
    void aQualitativeOutcomeEqualToTheExpectedOnePasses() {
        assertEquals(Judgement.PASS, Specification.judge(STERILITY, new Reading.Outcome(QualitativeOutcome.NEGATIVE)));
        assertEquals(Judgement.FAIL, Specification.judge(STERILITY, new Reading.Outcome(QualitativeOutcome.POSITIVE)));
        assertEquals(Judgement.PASS, Specification.judge(IDENTITY, new Reading.Outcome(QualitativeOutcome.CONFORMS)));
        assertEquals(Judgement.FAIL, Specification.judge(IDENTITY, new Reading.Outcome(QualitativeOutcome.DOES_NOT_CONFORM)));
    }

    @Test
    void anOutcomeFromTheOtherScaleIsRefused() {
        assertEquals("RESULT_KIND_MISMATCH", assertThrows(DomainError.class,
                () -> Specification.judge(STERILITY, new Reading.Outcome(QualitativeOutcome.CONFORMS))).code());
        assertEquals("RESULT_KIND_MISMATCH", assertThrows(DomainError.class,
                () -> Specification.judge(IDENTITY, new Reading.Outcome(QualitativeOutcome.NEGATIVE))).code());
    }

    @Test
    void aValueForAQualitativeAssayAndAnOutcomeForAQuantitativeOneAreRefused() {
        var value = assertThrows(DomainError.class, () -> quantity(STERILITY, "0", "CFU"));
        assertEquals("RESULT_KIND_MISMATCH", value.code());
        assertEquals("value", value.field());
        var outcome = assertThrows(DomainError.class, () -> Specification.judge(ENDOTOXIN, new Reading.Outcome(QualitativeOutcome.NEGATIVE)));
        assertEquals("outcome", outcome.field());
    }

    @Test
    void specificationsDescribeThemselvesAsQaReadsThem() {
        assertEquals("NEGATIVE", STERILITY.describe());
        assertEquals("<= 0.5 EU/mL", ENDOTOXIN.describe());
        assertEquals(">= 390000000000 particles/mL", PARTICLES.describe());
        assertEquals("0.10 to 2.00 mg/mL", PROTEIN.describe());
    }
}
