package org.exotrace.qc.boundary;

import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.platform.problem.Problem;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.qc.entity.AssayEntry;
import org.exotrace.qc.entity.Reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A CPC's certificate of analysis as CSV (RFC 4180): a header row naming the columns, then one row
 * per assay. Columns: {@code assay} and either {@code value} with {@code unit} or {@code outcome};
 * optional {@code method}, {@code performedAt} (UTC instant), {@code performer}, {@code supersedes},
 * {@code reason}. Every row is checked before anything is stored; all faults are named by row.
 */
final class CertificateCsv {

    static final int MAX_ROWS = 500;
    private static final Set<String> COLUMNS = Set.of("assay", "value", "unit", "outcome", "method", "performedat", "performer",
            "supersedes", "reason");

    private CertificateCsv() {
    }

    static List<AssayEntry> parse(String text) {
        List<List<String>> rows = records(text == null ? "" : text.strip());
        List<Problem.FieldError> errors = new ArrayList<>();
        if (rows.isEmpty() || rows.get(0).stream().allMatch(String::isBlank)) {
            throw invalid(List.of(new Problem.FieldError("row 1", "the first row names the columns: assay,value,unit,outcome,method,performedAt,performer")));
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                errors.add(new Problem.FieldError("row 1", "unknown column '" + header.get(i).strip() + "'"));
            } else if (column.put(name, i) != null) {
                errors.add(new Problem.FieldError("row 1", "column '" + name + "' appears twice"));
            }
        }
        if (!column.containsKey("assay")) {
            errors.add(new Problem.FieldError("row 1", "no 'assay' column"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (rows.size() == 1) {
            throw invalid(List.of(new Problem.FieldError("row 2", "the certificate holds no results")));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw invalid(List.of(new Problem.FieldError("rows", "at most " + MAX_ROWS + " results in one certificate")));
        }
        List<AssayEntry> entries = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            Row row = new Row(r + 1, rows.get(r), column, errors);
            String assay = row.text("assay", 40);
            String value = row.text("value", 64);
            String unit = row.text("unit", 32);
            String outcome = row.text("outcome", 32);
            Reading reading = null;
            if (assay == null) {
                row.error("assay", "missing");
            } else if (!assay.matches("[A-Z0-9_]{2,40}")) {
                row.error("assay", "2-40 upper-case letters, digits or '_'");
            }
            if ((value == null) == (outcome == null)) {
                row.error("value", "give either value with unit, or outcome");
            } else if (value != null) {
                if (unit == null) {
                    row.error("unit", "a value needs its unit");
                }
                try {
                    reading = unit == null ? null : new Reading.Quantity(new BigDecimal(value), unit);
                } catch (NumberFormatException e) {
                    row.error("value", "'" + value + "' is not a number");
                }
            } else {
                try {
                    reading = new Reading.Outcome(QualitativeOutcome.valueOf(outcome.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    row.error("outcome", "'" + outcome + "' is not NEGATIVE, POSITIVE, CONFORMS or DOES_NOT_CONFORM");
                }
                if (unit != null) {
                    row.error("unit", "a qualitative outcome has no unit");
                }
            }
            Instant performedAt = null;
            String performed = row.text("performedat", 40);
            if (performed != null) {
                try {
                    performedAt = Instant.parse(performed);
                } catch (DateTimeParseException e) {
                    row.error("performedAt", "'" + performed + "' is not a UTC instant such as 2026-11-20T09:30:00Z");
                }
            }
            UUID supersedes = null;
            String corrected = row.text("supersedes", 36);
            if (corrected != null) {
                try {
                    supersedes = UUID.fromString(corrected);
                } catch (IllegalArgumentException e) {
                    row.error("supersedes", "'" + corrected + "' is not a result id");
                }
            }
            entries.add(new AssayEntry(assay, reading, row.text("method", 64), performedAt, row.text("performer", 128),
                    supersedes, row.text("reason", 500), "row " + row.number() + " "));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return entries;
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(422, "VALIDATION_FAILED", "The certificate cannot be read",
                errors.size() + " fault(s); first: " + errors.get(0).field() + ": " + errors.get(0).message(), errors);
    }

    /** RFC 4180 records: fields split by commas, quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> records(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (!(row.size() == 1 && row.get(0).isBlank())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw invalid(List.of(new Problem.FieldError("row " + (rows.size() + 1), "a quoted field is never closed")));
        }
        row.add(field.toString());
        if (!(row.size() == 1 && row.get(0).isBlank())) {
            rows.add(row);
        }
        return rows;
    }

    private record Row(int number, List<String> cells, Map<String, Integer> column, List<Problem.FieldError> errors) {

        String text(String name, int max) {
            Integer i = column.get(name);
            if (i == null || i >= cells.size() || cells.get(i).isBlank()) {
                return null;
            }
            String s = cells.get(i).strip();
            if (s.length() > max) {
                error(name, "longer than " + max + " characters");
                return null;
            }
            return s;
        }

        void error(String field, String message) {
            errors.add(new Problem.FieldError("row " + number + " " + field, message));
        }
    }
}
