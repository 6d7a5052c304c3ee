package org.exotrace.label.entity;

import org.exotrace.platform.error.DomainError;

import java.math.BigDecimal;

/**
 * The label stock printed on: one label per page of its own size (a label printer's roll) or a grid of them on A4
 * sheets (an office printer), with each label {@code widthMm} × {@code heightMm}.
 */
public record LabelStock(Layout layout, BigDecimal widthMm, BigDecimal heightMm) {

    public enum Layout {
        /** One label per page, the page the label's size: label printers. */
        LABEL,
        /** Labels in rows and columns on A4 sheets, 10 mm margins and 2 mm between labels. */
        A4
    }

    /** A small vial label, as common 2 cc vial label stock is cut. */
    public static final BigDecimal DEFAULT_WIDTH_MM = new BigDecimal("30");
    public static final BigDecimal DEFAULT_HEIGHT_MM = new BigDecimal("15");

    public static final double A4_WIDTH_MM = 210;
    public static final double A4_HEIGHT_MM = 297;
    public static final double A4_MARGIN_MM = 10;
    public static final double A4_GAP_MM = 2;

    /**
     * The stock asked for; nulls take the defaults (LABEL, 30 × 15 mm).
     *
     * @throws DomainError naming the field when a size is outside 15–100 × 10–100 mm or finer than 0.1 mm
     */
    public static LabelStock of(Layout layout, BigDecimal widthMm, BigDecimal heightMm) {
        BigDecimal w = widthMm == null ? DEFAULT_WIDTH_MM : widthMm;
        BigDecimal h = heightMm == null ? DEFAULT_HEIGHT_MM : heightMm;
        requireWithin("widthMm", w, 15, 100);
        requireWithin("heightMm", h, 10, 100);
        return new LabelStock(layout == null ? Layout.LABEL : layout, w, h);
    }

    private static void requireWithin(String field, BigDecimal mm, int min, int max) {
        if (mm.compareTo(BigDecimal.valueOf(min)) < 0 || mm.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw DomainError.invalid(field, "between " + min + " and " + max + " mm");
        }
        if (mm.stripTrailingZeros().scale() > 1) {
            throw DomainError.invalid(field, "to a tenth of a millimetre at most");
        }
    }

    /** Labels across one A4 sheet. */
    public int columns() {
        return (int) Math.floor((A4_WIDTH_MM - 2 * A4_MARGIN_MM + A4_GAP_MM) / (widthMm.doubleValue() + A4_GAP_MM));
    }

    /** Rows of labels on one A4 sheet. */
    public int rows() {
        return (int) Math.floor((A4_HEIGHT_MM - 2 * A4_MARGIN_MM + A4_GAP_MM) / (heightMm.doubleValue() + A4_GAP_MM));
    }
}
