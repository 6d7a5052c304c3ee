package org.exotrace.gs1;

import java.util.Optional;

/**
 * What a lot number (AI 10) and a serial (AI 21) may be, so that every value the clinic records can be printed on a
 * label, scanned back and written as an EPC URI: 1 to 20 characters of GS1 character set 82. The check is the one the
 * barcode parser applies to AIs (10) and (21).
 */
public final class Gs1LotAndSerial {

    /** The same rule as a regular expression, for Bean Validation and SQL; a test holds it to {@link #lotProblem}. */
    public static final String PATTERN = "[-!\"%&'()*+,./0-9:;<=>?A-Z_a-z]{1,20}";

    /** The rule in words, as problem details and the API description say it. */
    public static final String RULE = "1-20 characters of GS1 character set 82: letters, digits and ! \" % & ' ( ) * + , - . / : ; < = > ? _";

    private Gs1LotAndSerial() {
    }

    /** Empty if {@code lotNumber} is a valid AI (10) value, else why not. */
    public static Optional<String> lotProblem(String lotNumber) {
        return problem("10", lotNumber);
    }

    /** Empty if {@code serial} is a valid AI (21) value, else why not. */
    public static Optional<String> serialProblem(String serial) {
        return problem("21", serial);
    }

    private static Optional<String> problem(String ai, String value) {
        return value == null ? Optional.of("missing") : Optional.ofNullable(Gs1Values.problemWith(ai, value));
    }
}
