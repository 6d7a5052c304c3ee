package org.exotrace.label.control;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.exotrace.label.entity.LabelStock;
import org.exotrace.label.entity.VialLabel;
import uk.org.okapibarcode.graphics.Rectangle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Vial labels as a PDF: each label the stock's size, the DataMatrix on the left filling the label's height (less the
 * quiet zone), and beside it the product and the human-readable interpretation, one AI per line, in Helvetica. The
 * symbol is drawn as vector squares, so it prints sharp at any resolution.
 */
public final class LabelPdf {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final float MAX_FONT = 6.5f;

    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private LabelPdf() {
    }

    public static byte[] render(List<VialLabel> labels, LabelStock stock) {
        try (PDDocument doc = new PDDocument()) {
            new LabelPdf().write(doc, labels, stock);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the labels", e);
        }
    }

    private void write(PDDocument doc, List<VialLabel> labels, LabelStock stock) throws IOException {
        float w = mm(stock.widthMm().doubleValue());
        float h = mm(stock.heightMm().doubleValue());
        if (stock.layout() == LabelStock.Layout.LABEL) {
            for (VialLabel label : labels) {
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    draw(out, label, 0, 0, w, h);
                }
            }
            return;
        }
        int columns = stock.columns();
        int perPage = columns * stock.rows();
        for (int first = 0; first < labels.size(); first += perPage) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                for (int i = first; i < Math.min(first + perPage, labels.size()); i++) {
                    int column = (i - first) % columns;
                    int row = (i - first) / columns;
                    float x = mm(LabelStock.A4_MARGIN_MM) + column * (w + mm(LabelStock.A4_GAP_MM));
                    float top = PDRectangle.A4.getHeight() - mm(LabelStock.A4_MARGIN_MM) - row * (h + mm(LabelStock.A4_GAP_MM));
                    draw(out, labels.get(i), x, top - h, w, h);
                }
            }
        }
    }

    /** One label with its lower left corner at (x, y). */
    private void draw(PDPageContentStream out, VialLabel label, float x, float y, float w, float h) throws IOException {
        LabelSymbols symbol = LabelSymbols.of(label.code());
        float side = symbolSide(w, h);
        float module = side / (symbol.modules() + 2 * LabelSymbols.QUIET_ZONE);
        float left = x + module * LabelSymbols.QUIET_ZONE;
        float top = y + (h + symbol.modules() * module) / 2;
        for (Rectangle r : symbol.dark()) {
            out.addRect(left + (float) r.x * module, top - (float) (r.y + r.height) * module, (float) r.width * module,
                    (float) r.height * module);
        }
        out.fill();

        var code = label.code();
        String[] lines = {label.printedName(), "(01)" + code.gtin().value(), "(17)" + code.expiryYymmdd() + " (10)" + code.lot(),
                "(21)" + code.serial()};
        float textLeft = x + side + mm(0.5);
        float width = x + w - textLeft - mm(0.5);
        float size = Math.min(MAX_FONT, (h - mm(1)) / (lines.length * 1.2f));
        float baseline = y + h - mm(0.5) - size;
        for (int i = 0; i < lines.length; i++) {
            PDFont font = i == 0 ? bold : regular;
            float fitted = Math.min(size, width / Math.max(1, font.getStringWidth(lines[i]) / 1000));
            out.beginText();
            out.setFont(font, fitted);
            out.newLineAtOffset(textLeft, baseline);
            out.showText(lines[i]);
            out.endText();
            baseline -= size * 1.2f;
        }
    }

    /** The side of the square the symbol and its quiet zone take at the label's left: the label's height, at most half its width. */
    public static float symbolSide(float width, float height) {
        return Math.min(height, width / 2);
    }

    private static float mm(double millimetres) {
        return (float) (millimetres * POINTS_PER_MM);
    }
}
