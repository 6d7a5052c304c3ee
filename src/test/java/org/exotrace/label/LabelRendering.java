package org.exotrace.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.exotrace.label.entity.LabelStock;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads printed labels back as a scanner would: each PDF page rendered to pixels at 300 dpi, each label's DataMatrix
 * decoded by ZXing (a decoder written apart from the encoder that made it), with the symbology identifier ZXing
 * reports ({@code ]d2} for GS1 DataMatrix) in front, as a scanner set to send it does.
 */
public final class LabelRendering {

    private LabelRendering() {
    }

    /**
     * What a scanner sends for each label, in print order: each page of a label printer's roll, or each cell of an A4
     * sheet's grid. The nurse aims at the symbol: ZXing's detector looks for it from the middle of the image, so the
     * view is the symbol's square at the label's left ({@code LabelPdf.symbolSide}), with white around it.
     */
    public static List<String> scanned(byte[] pdf, LabelStock stock) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<String> scans = new ArrayList<>();
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, DPI, ImageType.GRAY);
                int w = px(stock.widthMm().doubleValue());
                int h = px(stock.heightMm().doubleValue());
                int side = Math.min(h, w / 2);
                if (stock.layout() == LabelStock.Layout.LABEL) {
                    scans.add(decode(image.getSubimage(0, (image.getHeight() - side) / 2, side, side)));
                    continue;
                }
                for (int row = 0; row < stock.rows(); row++) {
                    for (int column = 0; column < stock.columns(); column++) {
                        int x = px(LabelStock.A4_MARGIN_MM + column * (stock.widthMm().doubleValue() + LabelStock.A4_GAP_MM));
                        int y = px(LabelStock.A4_MARGIN_MM + row * (stock.heightMm().doubleValue() + LabelStock.A4_GAP_MM));
                        BufferedImage symbol = image.getSubimage(x, y + (h - side) / 2, side, side);
                        if (blank(symbol)) {
                            return scans;
                        }
                        scans.add(decode(symbol));
                    }
                }
            }
            return scans;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the PDF, for the human-readable lines. */
    public static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final int DPI = 300;

    private static int px(double mm) {
        return (int) Math.round(mm / 25.4 * DPI);
    }

    private static boolean blank(BufferedImage cell) {
        for (int y = 0; y < cell.getHeight(); y += 2) {
            for (int x = 0; x < cell.getWidth(); x += 2) {
                if ((cell.getRGB(x, y) & 0xFF) < 128) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The one DataMatrix of a label, or a message saying none was read (so that the comparison names the label). */
    private static String decode(BufferedImage label) {
        int margin = 40;
        BufferedImage view = new BufferedImage(label.getWidth() + 2 * margin, label.getHeight() + 2 * margin, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = view.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, view.getWidth(), view.getHeight());
        g.drawImage(label, margin, margin, null);
        g.dispose();
        try {
            Result r = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(view))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.DATA_MATRIX), DecodeHintType.TRY_HARDER, true));
            Object identifier = r.getResultMetadata() == null ? null : r.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
            String text = r.getText();
            if ("]d2".equals(identifier) && text.startsWith("\u001D")) {
                text = text.substring(1); // ZXing writes the leading FNC1 out as a GS too; a scanner conveys it by ]d2 alone
            }
            return (identifier == null ? "" : identifier.toString()) + text;
        } catch (NotFoundException e) {
            return "(no DataMatrix read: " + e.getClass().getSimpleName() + ")";
        }
    }
}
