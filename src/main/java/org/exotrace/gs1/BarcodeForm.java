package org.exotrace.gs1;

/** The syntax a successfully parsed GS1 barcode was transmitted in. */
public enum BarcodeForm {
    /** Raw GS1 element string, e.g. {@code ]d2010950600013435217270531}, with GS after variable-length fields. */
    ELEMENT_STRING,
    /** Human-readable bracketed form, e.g. {@code (01)09506000134352(17)270531}. */
    BRACKETED,
    /** GS1 Digital Link URI, e.g. {@code https://id.example/01/09506000134352/10/ABC?17=270531}. */
    DIGITAL_LINK
}
