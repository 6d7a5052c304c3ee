package org.exotrace.trace.boundary;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exotrace.bedside.entity.DoseLine;
import org.exotrace.trace.control.LotReports.LotReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LotReportCsvTest {

    /** The CSV as the response gets it, the doses handed over one at a time as the database would. */
    static String render(LotReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new LotReportCsv(LotReportFixtures.heading(report.lot().productName(), report.source().cpcName(), report.doses().size()),
                    reader -> {
                        for (DoseLine d : report.doses()) {
                            reader.read(d);
                        }
                    }).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aProductNameWithACommaIsQuotedAndAFormulaIsDefused() {
        String csv = render(LotReportFixtures.report("=max NFC, \"2cc\"", "Tokyo CPC", 1));
        assertTrue(csv.contains(",MAXNFC-2,\"'=max NFC, \"\"2cc\"\"\",04912345000019,"), csv);
    }

    @Test
    void theCsvIsAHeaderRowThenOneRowPerDoseVialWithTheLotOnEveryRowAndCrlfLineEnds() {
        String csv = render(LotReportFixtures.report("max NFC, 2cc", "Tokyo CPC", 3));
        assertTrue(csv.endsWith("\r\n"));
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals(5, lines.size(), csv);
        assertEquals(String.join(",", LotReportCsv.HEADER), lines.get(0));
        assertTrue(lines.get(1).startsWith("NFC2611A,MAXNFC-2,\"max NFC, 2cc\",04912345000019,CPC-TOKYO-1,Tokyo CPC,RELEASED,"), lines.get(1));
        assertTrue(lines.get(1).contains(",P-1000,2026-11-25T01:30:00Z,INJECTION,FACE,2.000,2.000,nurse-0,WELLNESS,NFC2611A-0,false"), lines.get(1));
        assertTrue(lines.get(2).endsWith(",P-1001,2026-11-25T01:31:00Z,IV_DRIP,,2.000,2.000,nurse-1,WELLNESS,NFC2611A-1,true" + ",".repeat(23)), lines.get(2));
        // the vial of the dose corrected since comes after the doses that stand, with how it was corrected
        assertTrue(lines.get(4).startsWith("NFC2611A,MAXNFC-2,\"max NFC, 2cc\",04912345000019,CPC-TOKYO-1,Tokyo CPC,RELEASED,"
                + "1557936e-b7ad-38b5-abbf-55569e00ddef,,P-0999,,,,,,,,NFC2611A-0,,,REPLACE,0773aeed-f15b-3f48-a9a9-f0258fa71e55,"
                + "2026-11-25T01:40:00Z,entered for the wrong patient"), lines.get(4));
    }

    @Test
    void anExcursionTheLotsVialsLivedThroughIsARowAfterTheDosesWithQasDispositionAndEveryRowHasEveryColumn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LotReportCsv(LotReportFixtures.heading("max NFC 2cc", "Tokyo CPC", 1, List.of(LotReportFixtures.excursion())),
                reader -> reader.read(LotReportFixtures.doses(1).get(0))).write(out);
        String csv = out.toString(StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVParser.parse(csv, CSVFormat.RFC4180).getRecords();
        assertEquals(4, rows.size(), csv);
        rows.forEach(row -> assertEquals(LotReportCsv.HEADER.size(), row.size(), row::toString));
        CSVRecord excursion = rows.get(3);
        assertEquals("NFC2611A", excursion.get(0));
        assertEquals("", excursion.get(LotReportCsv.HEADER.indexOf("administrationId")), "not a dose");
        // a text that starts with '-' is defused as a formula would be (Csv.field)
        assertEquals(List.of("FREEZER-1", "'-80 °C freezer, room 2", "-90.0", "-60.0", "OUT_OF_RANGE", "2026-11-24T23:30:00Z",
                "2026-11-24T23:40:00Z", "false", "10", "-55.00", "-41.50", "2", "0", "RELEASE", "2",
                "'-41.5 °C for 10 minutes, within the CPC's stability data", "qa-ito", "2026-11-25T00:40:00Z"),
                excursion.toList().subList(LotReportCsv.HEADER.indexOf("excursionPlace"), LotReportCsv.HEADER.size()));
    }

    @Test
    void aLotWithoutDosesIsTheHeaderRowAlone() {
        assertEquals(String.join(",", LotReportCsv.HEADER) + "\r\n", render(LotReportFixtures.report("n", "c", 0)));
    }
}
