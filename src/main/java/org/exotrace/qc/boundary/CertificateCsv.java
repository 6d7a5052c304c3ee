package org.exotrace.qc.boundary;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.platform.error.DomainError;
import org.exotrace.platform.problem.Problem;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.qc.entity.AssayEntry;
import org.exotrace.qc.entity.Reading;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A CPC's certificate of analysis as CSV (RFC 4180, read by Apache Commons CSV; a UTF-8 byte order mark and CRLF
 * line ends as Excel writes them): a header row naming the columns, then one row
 * per assay. Columns: {@code assay} and either {@code value} with {@code unit} or {@code outcome};
 * optional {@code method}, {@code performedAt} (UTC instant), {@code performer}, {@code supersedes},
 * {@code reason}. Every row is checked before anything is stored; all faults are named by row.
 */
final class CertificateCsv {

    static final int MAX_ROWS = 500;
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
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
            if (assay == null) {
                row.error("assay", "missing");
            } else if (!assay.matches("[A-Z0-9_]{2,40}")) {
                row.error("assay", "2-40 upper-case letters, digits or '_'");
            }
            Reading reading = row.reading(value, unit, outcome);
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

    /**
     * RFC 4180 records: fields split by commas, quoted fields may hold commas, quotes ("") and line breaks; lines end
     * in CRLF or LF. A UTF-8 byte order mark before the header (Excel's "CSV UTF-8" writes one) is not part of it.
     * Blank lines are skipped.
     */
    static List<List<String>> records(String text) {
        String body = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
            for (CSVRecord record : parser) {
                if (!(record.size() == 1 && record.get(0).isBlank())) {
                    rows.add(record.toList());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw invalid(List.of(new Problem.FieldError("row " + (rows.size() + 1), "a quoted field is never closed, or text follows its closing quote")));
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

        /** The row's reading ({@link Reading#of}), or null when it has a fault (named in the errors). */
        Reading reading(String value, String unit, String outcome) {
            try {
                BigDecimal number = value == null ? null : number(value);
                QualitativeOutcome result = outcome == null ? null : outcome(outcome);
                return Reading.of(number, unit, result);
            } catch (DomainError fault) {
                error(fault.field(), fault.getMessage());
                return null;
            }
        }

        private static BigDecimal number(String value) {
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw DomainError.invalid("value", "'" + value + "' is not a number");
            }
        }

        private static QualitativeOutcome outcome(String outcome) {
            try {
                return QualitativeOutcome.valueOf(outcome.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainError.invalid("outcome", "'" + outcome + "' is not NEGATIVE, POSITIVE, CONFORMS or DOES_NOT_CONFORM");
            }
        }

        void error(String field, String message) {
            errors.add(new Problem.FieldError("row " + number + " " + field, message));
        }
    }
}
