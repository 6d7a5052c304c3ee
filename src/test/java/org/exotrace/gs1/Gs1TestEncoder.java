package org.exotrace.gs1;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test-side encoder: writes a label's values in each accepted syntax, independently of the parser. */
final class Gs1TestEncoder {

    static final String GS = "\u001d";
    static final List<String> GS_FORMS = List.of(GS, "<GS>", "{GS}", "\\u001d", "\\u001D", "^]");
    static final List<String> GS1_SYMBOLOGY_PREFIXES = List.of("", "]d2", "]C1", "]Q3", "]e0");
    static final String SET_82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private Gs1TestEncoder() {
    }

    /** One AI with its encoded value. */
    record Field(String ai, String value, boolean variable) {
    }

    static List<Field> fields(Gs1Label label) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("01", label.gtin().value(), false));
        label.expiry().ifPresent(d -> fields.add(new Field("17", d.format(YYMMDD), false)));
        label.lot().ifPresent(v -> fields.add(new Field("10", v, true)));
        label.serial().ifPresent(v -> fields.add(new Field("21", v, true)));
        label.productionDate().ifPresent(d -> fields.add(new Field("11", d.format(YYMMDD), false)));
        return fields;
    }

    static String yymmdd(LocalDate date) {
        return date.format(YYMMDD);
    }

    /** Element string in the given field order; GS after every variable-length field except the last. */
    static String elementString(List<Field> ordered, String prefix, String gs) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < ordered.size(); i++) {
            Field f = ordered.get(i);
            out.append(f.ai()).append(f.value());
            if (f.variable() && i < ordered.size() - 1) {
                out.append(gs);
            }
        }
        return out.toString();
    }

    static String bracketed(List<Field> ordered) {
        StringBuilder out = new StringBuilder();
        for (Field f : ordered) {
            out.append('(').append(f.ai()).append(')').append(f.value().replace("(", "\\(")); // '(' escaped as GS1 asks
        }
        return out.toString();
    }

    /**
     * Digital Link; characters that are not safe in a path segment are always percent-encoded, other
     * characters of lot and serial are percent-encoded when {@code random} says so.
     */
    static String digitalLink(Gs1Label label, String host, Random random, boolean extraQueryParameters) {
        StringBuilder out = new StringBuilder("https://").append(host).append("/01/").append(label.gtin().value());
        label.lot().ifPresent(v -> out.append("/10/").append(percentEncode(v, random)));
        label.serial().ifPresent(v -> out.append("/21/").append(percentEncode(v, random)));
        List<String> query = new ArrayList<>();
        label.expiry().ifPresent(d -> query.add("17=" + yymmdd(d)));
        label.productionDate().ifPresent(d -> query.add("11=" + yymmdd(d)));
        if (extraQueryParameters) {
            query.add("linkType=gs1:pip");
            query.add("3103=000195");
        }
        java.util.Collections.shuffle(query, random);
        if (!query.isEmpty()) {
            out.append('?').append(String.join("&", query));
        }
        return out.toString();
    }

    static String percentEncode(String value, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            boolean unsafe = "\"%/<>?#".indexOf(c) >= 0;
            if (unsafe || random.nextInt(8) == 0) {
                out.append('%').append(String.format(random.nextBoolean() ? "%02X" : "%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Appends the GS1 check digit to 13 digits. */
    static String withCheckDigit(String first13) {
        return first13 + Gtin.checkDigit(first13);
    }
}
