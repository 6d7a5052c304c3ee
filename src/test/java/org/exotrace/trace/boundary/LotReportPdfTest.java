package org.exotrace.trace.boundary;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LotReportPdfTest {

    private static String text(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    @Test
    void aLongDoseListBreaksAcrossA4PagesEachNumberedAndHeaded() throws IOException {
        byte[] bytes = LotReportPdf.render(LotReportFixtures.report("max NFC 2cc", "Tokyo CPC", 150));
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages >= 3, "150 doses take several pages, got " + pages);
            for (int n = 1; n <= pages; n++) {
                assertEquals(PDRectangle.A4.getWidth(), pdf.getPage(n - 1).getMediaBox().getWidth(), 0.01);
                assertEquals(PDRectangle.A4.getHeight(), pdf.getPage(n - 1).getMediaBox().getHeight(), 0.01);
                assertTrue(text(pdf, n).contains("page " + n + " of " + pages), "page " + n);
            }
            String first = text(pdf, 1);
            assertTrue(first.contains("Lot report NFC2611A"), first);
            assertTrue(first.contains("Shibuya Regenerative Clinic"), first);
            assertTrue(first.contains("MISSING"), first);
            assertTrue(first.contains("received 153 = on hand 2 + administered 150 + dispensed 0 + wasted 1"), first);
            String last = text(pdf, pages);
            assertTrue(last.contains("Administration") && last.contains("Patient"), "the dose table's header is repeated: " + last);
            assertTrue(last.contains("P-1149"), last);
            String all = new PDFTextStripper().getText(pdf);
            for (int i = 0; i < 150; i++) {
                assertTrue(all.contains("P-" + (1000 + i)), "dose " + i);
            }
        }
    }

    @Test
    void charactersTheFontCannotDrawAreReplacedNotFatal() throws IOException {
        byte[] bytes = LotReportPdf.render(LotReportFixtures.report("エクソソーム max NFC", "Café CPC — 東京", 2));
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String all = new PDFTextStripper().getText(pdf);
            assertTrue(all.contains("?????? max NFC"), all);
            assertTrue(all.contains("Café CPC — ??"), all);
            assertFalse(all.contains("エ"));
        }
    }

    @Test
    void theExcursionsTheLotsVialsLivedThroughAreASectionWithQasDisposition() throws IOException {
        byte[] with = LotReportPdf.render(LotReportFixtures.heading("max NFC 2cc", "Tokyo CPC", 1, List.of(LotReportFixtures.excursion()))
                .with(LotReportFixtures.doses(1)));
        try (PDDocument pdf = Loader.loadPDF(with)) {
            String all = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            String section = all.substring(all.indexOf("Temperature excursions (1)"));
            assertTrue(section.contains("FREEZER-1 - -80 °C freezer, room 2"), section);
            assertTrue(section.contains("out of range -90.0..-60.0 °C: -55.00 to -41.50 °C"), section);
            assertTrue(section.contains("2 (0 still held)"), section);
            assertTrue(section.contains("RELEASE 2 by qa-ito 2026-11-25 09:40: -41.5 °C for 10 minutes, within the CPC's stability data."),
                    section);
        }
        byte[] without = LotReportPdf.render(LotReportFixtures.report("max NFC 2cc", "Tokyo CPC", 1));
        try (PDDocument pdf = Loader.loadPDF(without)) {
            String all = new PDFTextStripper().getText(pdf);
            assertTrue(all.contains("Temperature excursions (0)") && all.contains("No vial of this lot was in a storage place during a "
                    + "temperature excursion."), all);
        }
    }
}
