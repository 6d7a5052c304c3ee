package org.exotrace.label.entity;

import org.exotrace.gs1.Gs1VialCode;

import java.util.UUID;

/**
 * One vial's label: its GS1 code (what the DataMatrix carries and the human-readable line says) and the product's
 * name as printed ({@link #printedName}).
 */
public record VialLabel(UUID vialId, String productCode, String productName, Gs1VialCode code) {

    /**
     * The product's name when the label's font (a PDF standard font, or a thermal printer's resident font) can draw
     * it, which means printable ASCII; otherwise its code, which always can. A Japanese name needs a font the service
     * does not ship (ADR 0039).
     */
    public String printedName() {
        return productName.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? productName : productCode;
    }
}
