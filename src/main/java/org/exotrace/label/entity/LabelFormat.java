package org.exotrace.label.entity;

/** What the labels are sent as. */
public enum LabelFormat {
    /** A PDF to print from any computer: vector symbols, exact size. */
    PDF,
    /** Zebra Programming Language for thermal label printers: the printer draws the symbol itself. */
    ZPL
}
