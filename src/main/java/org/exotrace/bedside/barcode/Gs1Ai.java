package org.exotrace.bedside.barcode;

/** The GS1 Application Identifiers this parser accepts; every other AI is refused by name. */
enum Gs1Ai {
    GTIN("01", "GTIN", 14, true),
    PRODUCTION_DATE("11", "production date", 6, true),
    EXPIRY("17", "expiry date", 6, true),
    LOT("10", "lot", 20, false),
    SERIAL("21", "serial", 20, false);

    /** Human-readable list used in refusals. */
    static final String SUPPORTED_LIST = "(01), (10), (11), (17) and (21)";

    final String code;
    final String name;
    /** Exact length for fixed-length AIs, maximum length for variable-length ones. */
    final int length;
    final boolean fixedLength;

    Gs1Ai(String code, String name, int length, boolean fixedLength) {
        this.code = code;
        this.name = name;
        this.length = length;
        this.fixedLength = fixedLength;
    }

    /** E.g. "lot (10)". */
    String label() {
        return name + " (" + code + ")";
    }

    /** The supported AI with exactly this code, or null. */
    static Gs1Ai byCode(String code) {
        for (Gs1Ai ai : values()) {
            if (ai.code.equals(code)) {
                return ai;
            }
        }
        return null;
    }

    /**
     * Length of the AI whose first two digits are {@code prefix}, per the GS1 General Specifications
     * AI-prefix table, or 0 if no AI starts with these digits. Used only to name unsupported AIs.
     */
    static int aiLengthForPrefix(String prefix) {
        if (prefix.length() != 2 || !Gs1Text.isAsciiDigit(prefix.charAt(0)) || !Gs1Text.isAsciiDigit(prefix.charAt(1))) {
            return 0;
        }
        int p = Integer.parseInt(prefix);
        if (p <= 4 || (p >= 10 && p <= 13) || p == 15 || p == 16 || p == 17 || (p >= 20 && p <= 22)
                || p == 30 || p == 37 || p >= 90) {
            return 2;
        }
        if ((p >= 23 && p <= 25) || (p >= 40 && p <= 42) || p == 71) {
            return 3;
        }
        if ((p >= 31 && p <= 36) || p == 39 || p == 43 || p == 70 || p == 72 || (p >= 80 && p <= 82)) {
            return 4;
        }
        return 0;
    }
}
