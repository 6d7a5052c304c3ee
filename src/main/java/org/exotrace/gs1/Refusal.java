package org.exotrace.gs1;

/**
 * Internal control flow: thrown by the syntax readers and validators with an English reason,
 * always caught by {@link Gs1BarcodeParser#parse(String)} and turned into
 * {@link BarcodeParseResult.Invalid}. Stackless, so refusing is cheap.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Refusal(String reason) {
        super(reason, null, false, false);
    }
}
