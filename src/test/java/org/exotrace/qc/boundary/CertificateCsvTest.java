package org.exotrace.qc.boundary;

import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.qc.entity.AssayEntry;
import org.exotrace.qc.entity.Reading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateCsvTest {

    @Test
    void aCertificateGivesOneEntryPerRowWithColumnsInAnyOrder() {
        List<AssayEntry> entries = CertificateCsv.parse("""
                Assay,Outcome,Value,Unit,Method,PerformedAt,Performer\r
                STERILITY,negative,,,USP <71>,2026-11-10T09:00:00Z,CPC lab\r
                ENDOTOXIN,,0.12,EU/mL,LAL,2026-11-10T09:00:00Z,"Sato, K."\r
                """);
        assertEquals(2, entries.size());
        assertEquals(new Reading.Outcome(QualitativeOutcome.NEGATIVE), entries.get(0).reading());
        assertEquals(new Reading.Quantity(new BigDecimal("0.12"), "EU/mL"), entries.get(1).reading());
        assertEquals("Sato, K.", entries.get(1).performer());
        assertEquals(Instant.parse("2026-11-10T09:00:00Z"), entries.get(1).performedAt());
        assertNull(entries.get(1).supersedes());
    }

    @Test
    void quotedFieldsMayHoldQuotesAndLineBreaks() {
        List<List<String>> rows = CertificateCsv.records("a,b\n\"say \"\"hi\"\"\",\"two\nlines\"\n");
        assertEquals(List.of(List.of("a", "b"), List.of("say \"hi\"", "two\nlines")), rows);
    }

    @Test
    void everyFaultIsNamedByRowAndNothingIsReturned() {
        var e = assertThrows(ProblemException.class, () -> CertificateCsv.parse("""
                assay,value,unit,outcome,performedAt
                ENDOTOXIN,zero,EU/mL,,
                STERILITY,,,MAYBE,
                PROTEIN,1.0,,,yesterday
                """));
        assertEquals(422, e.status());
        List<String> fields = e.errors().stream().map(f -> f.field()).toList();
        assertEquals(List.of("row 2 value", "row 3 outcome", "row 4 unit", "row 4 performedAt"), fields);
    }

    @Test
    void anUnknownColumnOrAMissingAssayColumnIsRefused() {
        var unknown = assertThrows(ProblemException.class, () -> CertificateCsv.parse("assay,result\nSTERILITY,NEGATIVE\n"));
        assertTrue(unknown.getMessage().contains("result"), unknown.getMessage());
        assertThrows(ProblemException.class, () -> CertificateCsv.parse("outcome\nNEGATIVE\n"));
    }

    @Test
    void aCertificateWithoutResultsOrWithAnOpenQuoteIsRefused() {
        assertThrows(ProblemException.class, () -> CertificateCsv.parse("assay,outcome\n"));
        assertThrows(ProblemException.class, () -> CertificateCsv.parse(""));
        assertThrows(ProblemException.class, () -> CertificateCsv.parse("assay,outcome\n\"STERILITY,NEGATIVE\n"));
    }

    @Test
    void bothAValueAndAnOutcomeInOneRowIsRefused() {
        var e = assertThrows(ProblemException.class, () -> CertificateCsv.parse("assay,value,unit,outcome\nSTERILITY,1,CFU,NEGATIVE\n"));
        assertEquals("row 2 value", e.errors().get(0).field());
    }

    @Test
    void aCertificateSavedByExcelAsCsvUtf8StartsWithAByteOrderMarkAndIsRead() {
        List<AssayEntry> entries = CertificateCsv.parse("\uFEFFassay,value,unit,outcome,method,performedAt,performer\r\n"
                + "STERILITY,,,NEGATIVE,USP <71>,2026-11-10T09:00:00Z,\"Sato, K.\"\r\n"
                + "ENDOTOXIN,0.12,EU/mL,,LAL,2026-11-10T09:00:00Z,CPC lab\r\n");
        assertEquals(List.of("STERILITY", "ENDOTOXIN"), entries.stream().map(AssayEntry::assay).toList());
        assertEquals("Sato, K.", entries.get(0).performer());
        assertEquals(new Reading.Quantity(new BigDecimal("0.12"), "EU/mL"), entries.get(1).reading());
        assertEquals("row 3 ", entries.get(1).where());
    }
}
