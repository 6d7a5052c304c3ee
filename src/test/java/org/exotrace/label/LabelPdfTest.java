package org.exotrace.label;

import org.exotrace.gs1.Gs1BarcodeParser;
import org.exotrace.gs1.Gs1Label;
import org.exotrace.gs1.Gs1VialCode;
import org.exotrace.gs1.Gtin;
import org.exotrace.label.control.LabelPdf;
import org.exotrace.label.control.LabelZpl;
import org.exotrace.label.entity.LabelStock;
import org.exotrace.label.entity.VialLabel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelPdfTest {

    static final Gtin GTIN = Gtin.of("04912345000019");
    static final LocalDate EXPIRY = LocalDate.of(2027, 12, 31);
    final Gs1BarcodeParser parser = new Gs1BarcodeParser(Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC));

    static VialLabel label(String lot, String serial) {
        return new VialLabel(UUID.randomUUID(), "EXO-NFC-2", "max NFC 2cc", new Gs1VialCode(GTIN, EXPIRY, lot, serial));
    }

    @Test
    void eachLabelOfASmallVialStockScansAsItsVialWithTheLotSeparatedFromTheSerial() {
        List<VialLabel> labels = List.of(label("AB/12", "0001"), label("L-7_(x)", "S%2"), label("12345678901234567890", "ABCDEFGHIJKLMNOPQRST"));
        LabelStock stock = LabelStock.of(null, null, null);
        byte[] pdf = LabelPdf.render(labels, stock);

        List<String> scans = LabelRendering.scanned(pdf, stock);

        assertEquals(labels.size(), scans.size(), scans::toString);
        for (int i = 0; i < labels.size(); i++) {
            String scan = scans.get(i);
            assertTrue(scan.startsWith("]d2"), () -> "a GS1 DataMatrix, FNC1 first: " + scan);
            Gs1Label read = assertInstanceOf(Gs1Label.class, parser.parse(scan), scan);
            Gs1VialCode printed = labels.get(i).code();
            assertEquals(printed.gtin(), read.gtin());
            assertEquals(Optional.of(printed.lot()), read.lot());
            assertEquals(Optional.of(printed.serial()), read.serial());
            assertEquals(Optional.of(EXPIRY), read.expiry());
            assertEquals("]d2" + printed.elementString("\u001D"), scan, "AIs in GS1's order, a group separator after the lot only");
        }
        String text = LabelRendering.text(pdf);
        assertTrue(text.contains("(01)04912345000019") && text.contains("(17)271231 (10)AB/12") && text.contains("(21)0001"), text);
        assertTrue(text.contains("max NFC 2cc"), text);
    }

    @Test
    void anA4SheetCarriesAGridOfLabelsEveryOneReadable() {
        List<VialLabel> labels = IntStream.range(0, 30).mapToObj(i -> label("SHEET1", String.format("%04d", i))).toList();
        LabelStock stock = LabelStock.of(LabelStock.Layout.A4, new BigDecimal("40"), new BigDecimal("20"));
        assertEquals(4, stock.columns());
        assertEquals(12, stock.rows());

        List<String> scans = LabelRendering.scanned(LabelPdf.render(labels, stock), stock);

        assertEquals(labels.stream().map(l -> "]d2" + l.code().elementString("\u001D")).toList(), scans);
    }

    @Test
    void aJapaneseProductNameIsPrintedAsTheProductCodeWhichTheLabelFontCanDraw() {
        VialLabel japanese = new VialLabel(UUID.randomUUID(), "EXO-JP-2", "エクソソーム 2cc", new Gs1VialCode(GTIN, EXPIRY, "JP1", "1"));
        assertEquals("EXO-JP-2", japanese.printedName());
        assertTrue(LabelRendering.text(LabelPdf.render(List.of(japanese), LabelStock.of(null, null, null))).contains("EXO-JP-2"));
    }

    @Test
    void zplHasTheSymbolWithFnc1FirstAndAfterTheLotAndAnUnderscoreOfTheDataDoubled() {
        String zpl = LabelZpl.render(List.of(label("L_1", "0001")), LabelStock.of(null, null, null));
        assertTrue(zpl.startsWith("^XA"), zpl);
        assertTrue(zpl.contains("^PW240^LL120"), "30 x 15 mm at 8 dots a mm: " + zpl);
        assertTrue(zpl.contains(",200,,,,_^FD_101049123450000191727123110L__1_121" + "0001^FS"), zpl);
        assertTrue(zpl.contains("^FD(01)04912345000019^FS") && zpl.contains("^FD(21)0001^FS"), zpl);
        assertTrue(zpl.strip().endsWith("^XZ"), zpl);
    }
}
