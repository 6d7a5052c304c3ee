package org.exotrace.platform;

import org.exotrace.platform.boundary.Csv;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @Test
    void plainFieldsStayPlainAndRowsEndInCrLf() {
        assertEquals("P-1001,2.000,\r\n", new Csv().row("P-1001", new java.math.BigDecimal("2.000"), null).toString());
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"Sato, K.\",\"say \"\"hi\"\"\",\"two\nlines\"", String.join(",",
                Csv.field("Sato, K."), Csv.field("say \"hi\""), Csv.field("two\nlines")));
    }

    @Test
    void aFieldThatASpreadsheetWouldRunAsAFormulaIsShownAsText() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.field("=HYPERLINK(\"x\")"));
        assertEquals("\"'@SUM(A1)\"", Csv.field("@SUM(A1)"));
        assertEquals("-1.5", Csv.field("-1.5"), "a negative number stays a number");
    }
}
