package org.exotrace.coldchain.boundary;

import jakarta.ws.rs.core.StreamingOutput;
import org.exotrace.coldchain.control.ColdChain.Excursion;
import org.exotrace.coldchain.control.ColdChain.ExcursionDecision;
import org.exotrace.coldchain.control.ColdChain.PlaceReading;
import org.exotrace.coldchain.entity.StoragePlace;
import org.exotrace.platform.boundary.Csv;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A place's temperature history for a period as RFC 4180 CSV (rows by {@link Csv}), one header row then one table, the
 * place on every row so that it loads into a spreadsheet as it is: its readings, or its excursions. Times are UTC
 * instants ({@code 2026-12-06T18:15:00Z}), temperatures plain decimals in °C, yes/no as {@code true}/{@code false}.
 */
final class PlaceHistoryCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8; header=present";

    static final List<String> READINGS = List.of("place", "logger", "at", "celsius", "inRange");

    /**
     * One row per excursion and disposition: an excursion QA has not disposed of has one row with the disposition
     * columns empty; one disposed of twice (a vial moved in while it lasted waits for a disposition of its own) has two.
     */
    static final List<String> EXCURSIONS = List.of("place", "placeName", "minC", "maxC", "kind", "startedAt", "endedAt", "open", "minutes",
            "lowestC", "highestC", "heldVials", "stillHeld", "disposition", "dispositionVials", "justification", "signedBy", "signedAt",
            "dispositionId");

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private PlaceHistoryCsv() {
    }

    static StreamingOutput readings(StoragePlace place, List<PlaceReading> readings) {
        return out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(Csv.line(READINGS));
            for (PlaceReading r : readings) {
                w.write(Csv.line(Arrays.asList(place.code(), r.logger(), r.at(), plain(r.celsius()), r.inRange())));
            }
            w.flush();
        };
    }

    static StreamingOutput excursions(StoragePlace place, List<Excursion> excursions) {
        return out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(Csv.line(EXCURSIONS));
            for (Excursion e : excursions) {
                List<Object> excursion = Arrays.asList(place.code(), place.name(), plain(place.minC()), plain(place.maxC()), e.kind(),
                        e.startedAt(), e.endedAt(), e.open(), e.minutes(), plain(e.lowestC()), plain(e.highestC()), e.heldVials(),
                        e.stillHeld());
                if (e.dispositions().isEmpty()) {
                    w.write(Csv.line(concat(excursion, Arrays.asList(null, null, null, null, null, null))));
                }
                for (ExcursionDecision d : e.dispositions()) {
                    w.write(Csv.line(concat(excursion, Arrays.asList(d.decision(), d.vials(), d.justification(), d.signedBy(), d.signedAt(),
                            d.dispositionId()))));
                }
            }
            w.flush();
        };
    }

    /** {@code FREEZER-1-readings-20261206T030000Z_20261207T030000Z.csv}: the place, what, and the period in UTC. */
    static String filename(StoragePlace place, String what, Instant from, Instant to) {
        return place.code() + "-" + what + "-" + FILE_TIME.format(from) + "_" + FILE_TIME.format(to) + ".csv";
    }

    private static List<Object> concat(List<Object> first, List<Object> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String plain(BigDecimal celsius) {
        return celsius == null ? null : celsius.toPlainString();
    }
}
