package org.exotrace.coldchain.boundary;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exotrace.coldchain.control.ColdChain;
import org.exotrace.coldchain.entity.Reading;
import org.exotrace.platform.error.DomainError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A data logger's export as CSV (RFC 4180 by Apache Commons CSV; a UTF-8 byte order mark, CRLF line ends, and the
 * semicolons with decimal commas of European exports are read too): a header row naming the columns {@code at} (with
 * its offset) and {@code celsius}, and {@code loggerId} unless the request names the logger. One reading a row; the
 * first fault refuses the whole file, named by its row ({@code row 4 celsius}).
 */
final class ReadingsCsv {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final Map<String, String> COLUMNS = Map.of("loggerid", "loggerId", "logger", "loggerId", "at", "at", "time", "at",
            "timestamp", "at", "celsius", "celsius", "temperature", "celsius");

    private ReadingsCsv() {
    }

    /** The readings of the file; {@code loggerId}, when given, is the logger of every row that names none. */
    static List<Reading> parse(String text, String loggerId) {
        String body = text == null ? "" : text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        String firstLine = body.lines().findFirst().orElse("");
        boolean semicolons = firstLine.contains(";") && !firstLine.contains(",");
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(semicolons ? ';' : ',').setIgnoreEmptyLines(true).get();
        List<Reading> readings = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(body, format)) {
            Map<String, Integer> column = null;
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (column == null) {
                    column = header(record);
                    if (!column.containsKey("loggerId") && loggerId == null) {
                        throw DomainError.invalid("row 1", "no loggerId column: name the logger in one, or as ?loggerId=");
                    }
                    continue;
                }
                if (readings.size() == ColdChain.MAX_READINGS) {
                    throw DomainError.invalid("readings", "at most " + ColdChain.MAX_READINGS + " readings a request");
                }
                String where = "row " + record.getRecordNumber() + " ";
                String logger = cell(record, column.get("loggerId"));
                String celsius = cell(record, column.get("celsius"));
                readings.add(Reading.of(where, logger == null ? loggerId : logger, cell(record, column.get("at")),
                        celsius == null ? null : number(where, semicolons ? celsius.replace(',', '.') : celsius)));
            }
            if (column == null) {
                throw DomainError.invalid("row 1", "the first row names the columns: loggerId,at,celsius");
            }
        } catch (IOException | UncheckedIOException e) {
            throw DomainError.invalid("row " + (readings.size() + 2), "a quoted field is never closed, or text follows its closing quote");
        }
        if (readings.isEmpty()) {
            throw DomainError.invalid("row 2", "the file holds no readings");
        }
        return readings;
    }

    private static Map<String, Integer> header(CSVRecord record) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = COLUMNS.get(record.get(i).strip().toLowerCase(Locale.ROOT));
            if (name != null && column.put(name, i) != null) {
                throw DomainError.invalid("row 1", "column '" + name + "' appears twice");
            }
        }
        for (String required : List.of("at", "celsius")) {
            if (!column.containsKey(required)) {
                throw DomainError.invalid("row 1", "no '" + required + "' column: the first row names the columns loggerId,at,celsius");
            }
        }
        return column;
    }

    private static String cell(CSVRecord record, Integer i) {
        return i == null || i >= record.size() || record.get(i).isBlank() ? null : record.get(i).strip();
    }

    private static BigDecimal number(String where, String celsius) {
        try {
            return new BigDecimal(celsius);
        } catch (NumberFormatException e) {
            throw DomainError.invalid(where + "celsius", "'" + celsius + "' is not a number");
        }
    }
}
