package org.exotrace.gs1;

import java.util.Optional;

/**
 * A GS1 Global Trade Item Number in its 14-digit form (GTIN-14), with a valid mod-10 check digit.
 *
 * <p>Shorter GTINs (GTIN-8, -12, -13) are carried left-padded with zeros to 14 digits, as GS1
 * AI (01) and GS1 Digital Link do. Only ASCII digits are accepted.
 *
 * @param value the 14 ASCII digits, the last one being the check digit
 */
public record Gtin(String value) {

    /** Number of digits of a GTIN-14. */
    public static final int LENGTH = 14;

    /**
     * @throws IllegalArgumentException if {@code value} is not 14 ASCII digits with a valid check digit
     */
    public Gtin {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Returns the GTIN if {@code candidate} is 14 ASCII digits with a valid check digit, else empty. */
    public static Optional<Gtin> parse(String candidate) {
        return isValid(candidate) ? Optional.of(new Gtin(candidate)) : Optional.empty();
    }

    /**
     * Returns the GTIN for {@code candidate}.
     *
     * @throws IllegalArgumentException with a human-readable reason if it is not a valid GTIN-14
     */
    public static Gtin of(String candidate) {
        return new Gtin(candidate);
    }

    /** True if {@code candidate} is exactly 14 ASCII digits whose last digit is the correct check digit. */
    public static boolean isValid(String candidate) {
        return problemWith(candidate) == null;
    }

    /**
     * Computes the GS1 mod-10 check digit for the first 13 digits of a GTIN-14.
     *
     * @param first13 exactly 13 ASCII digits
     * @return the check digit as a one-character string, "0" to "9"
     * @throws IllegalArgumentException if {@code first13} is not exactly 13 ASCII digits
     */
    public static String checkDigit(String first13) {
        if (first13 == null || first13.length() != LENGTH - 1 || !allAsciiDigits(first13)) {
            throw new IllegalArgumentException("a GTIN check digit is computed from exactly 13 digits");
        }
        return String.valueOf(computeCheckDigit(first13));
    }

    @Override
    public String toString() {
        return value;
    }

    /** Returns null when {@code candidate} is a valid GTIN-14, else an English reason. */
    static String problemWith(String candidate) {
        if (candidate == null) {
            return "GTIN is missing";
        }
        if (candidate.length() != LENGTH || !allAsciiDigits(candidate)) {
            return "GTIN must be exactly 14 digits, got " + describe(candidate);
        }
        int expected = computeCheckDigit(candidate.substring(0, LENGTH - 1));
        int actual = candidate.charAt(LENGTH - 1) - '0';
        if (actual != expected) {
            return "GTIN " + candidate + " has check digit " + actual + ", expected " + expected;
        }
        return null;
    }

    /** GS1 mod-10 over digits of any length: weights 3,1,3,1,... starting from the digit next to the check digit. */
    static int computeCheckDigit(String digits) {
        int sum = 0;
        int weight = 3;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += (digits.charAt(i) - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** Short, printable rendering of an arbitrary candidate for error messages. */
    private static String describe(String candidate) {
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(candidate.length(), 20);
        for (int i = 0; i < shown; i++) {
            char c = candidate.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("<U+%04X>", (int) c));
            }
        }
        out.append(candidate.length() > shown ? "...'" : "'");
        return out.append(" (").append(candidate.length()).append(" characters)").toString();
    }

    private static boolean allAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
