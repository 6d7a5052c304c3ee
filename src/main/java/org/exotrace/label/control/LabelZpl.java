package org.exotrace.label.control;

import org.exotrace.label.entity.LabelStock;
import org.exotrace.label.entity.VialLabel;

import java.util.List;

/**
 * Vial labels in ZPL II for a 203 dpi thermal label printer (8 dots a millimetre), one {@code ^XA…^XZ} format per
 * label. The printer draws the DataMatrix itself ({@code ^BX}, ECC 200) from the element string, with {@code _1} (the
 * command's escape for FNC1) first, which makes it a GS1 DataMatrix, and after the lot; an underscore of the data is
 * written {@code __}. The human-readable lines are in the printer's scalable font 0. The A4 layout does not apply:
 * a thermal printer prints on its roll.
 */
public final class LabelZpl {

    public static final String MEDIA_TYPE = "text/plain";

    static final int DOTS_PER_MM = 8;

    private LabelZpl() {
    }

    public static String render(List<VialLabel> labels, LabelStock stock) {
        int width = dots(stock.widthMm().doubleValue());
        int height = dots(stock.heightMm().doubleValue());
        StringBuilder zpl = new StringBuilder();
        for (VialLabel label : labels) {
            int modules = LabelSymbols.of(label.code()).modules() + 2 * LabelSymbols.QUIET_ZONE;
            int module = Math.max(1, Math.min(height, width / 2) / modules);
            int side = module * modules;
            int font = Math.max(12, Math.min(dots(2.2), (height - DOTS_PER_MM) / 5));
            int textLeft = side + DOTS_PER_MM / 2;
            var code = label.code();
            zpl.append("^XA^CI28^PW").append(width).append("^LL").append(height).append("^LH0,0\n");
            zpl.append("^FO").append(module * LabelSymbols.QUIET_ZONE).append(',').append((height - side) / 2 + module * LabelSymbols.QUIET_ZONE)
                    .append("^BXN,").append(module).append(",200,,,,_^FD_1").append(code.elementString("_1", v -> v.replace("_", "__"))).append("^FS\n");
            String[] lines = {label.printedName(), "(01)" + code.gtin().value(), "(17)" + code.expiryYymmdd() + " (10)" + code.lot(),
                    "(21)" + code.serial()};
            for (int i = 0; i < lines.length; i++) {
                zpl.append("^FO").append(textLeft).append(',').append(DOTS_PER_MM / 2 + i * font * 6 / 5)
                        .append("^A0N,").append(font).append(',').append(font).append("^FB").append(width - textLeft).append(",1,0,L,0")
                        .append("^FD").append(lines[i]).append("^FS\n");
            }
            zpl.append("^XZ\n");
        }
        return zpl.toString();
    }

    private static int dots(double mm) {
        return (int) Math.round(mm * DOTS_PER_MM);
    }
}
