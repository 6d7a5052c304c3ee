package org.exotrace.label.control;

import org.exotrace.gs1.Gs1VialCode;
import uk.org.okapibarcode.backend.DataMatrix;
import uk.org.okapibarcode.backend.HumanReadableLocation;
import uk.org.okapibarcode.backend.Symbol;
import uk.org.okapibarcode.graphics.Rectangle;

import java.util.List;

/**
 * A vial's GS1 DataMatrix (ECC 200, square), encoded by Okapi Barcode: FNC1 first, then the element string with FNC1
 * after the lot, as GS1 General Specifications 5.6 require (ADR 0039).
 *
 * @param modules the symbol's side in modules, without its quiet zone
 * @param dark    the dark modules, as rectangles in module units from the top left corner
 */
public record LabelSymbols(int modules, List<Rectangle> dark) {

    /** The quiet zone GS1 asks for around a DataMatrix, in modules. */
    public static final int QUIET_ZONE = 1;

    public static LabelSymbols of(Gs1VialCode code) {
        DataMatrix symbol = new DataMatrix();
        symbol.setDataType(Symbol.DataType.GS1);
        symbol.setForceMode(DataMatrix.ForceMode.SQUARE);
        symbol.setModuleWidth(1);
        symbol.setQuietZoneHorizontal(0);
        symbol.setQuietZoneVertical(0);
        symbol.setHumanReadableLocation(HumanReadableLocation.NONE);
        symbol.setContent(code.squareBracketed());
        return new LabelSymbols(symbol.getActualWidth(), List.copyOf(symbol.getRectangles()));
    }
}
