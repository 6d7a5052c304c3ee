package org.exotrace.platform.boundary;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break. */
public final class Csv {

    private final StringBuilder text = new StringBuilder();

    public Csv row(Object... fields) {
        return row(Arrays.asList(fields));
    }

    public Csv row(List<?> fields) {
        text.append(line(fields));
        return this;
    }

    /** One row with its CRLF, for a writer that sends rows as it makes them. */
    public static String line(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    /**
     * One field. A leading {@code = + - @} is kept but the field is quoted and prefixed with an
     * apostrophe, so a spreadsheet shows it as text instead of running it as a formula.
     */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Instant instant ? Instants.text(instant) : value.toString();
        boolean formula = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("[-+]?[0-9.]+");
        if (formula) {
            s = "'" + s;
        }
        if (formula || s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
