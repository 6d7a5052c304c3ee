package org.exotrace.coldchain.boundary;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exotrace.coldchain.control.ColdChain.Excursion;
import org.exotrace.coldchain.control.ColdChain.ExcursionDecision;
import org.exotrace.coldchain.entity.PlaceKind;
import org.exotrace.coldchain.entity.StoragePlace;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaceHistoryCsvTest {

    static final Instant AT = Instant.parse("2026-12-06T18:10:00Z");
    static final StoragePlace FREEZER = new StoragePlace("FREEZER-1", "Freezer 1, room 2", PlaceKind.FREEZER, new BigDecimal("-90.0"),
            new BigDecimal("-60.0"), 15, "qa-ito", AT.minusSeconds(86_400));

    private static List<List<String>> rows(List<Excursion> excursions) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlaceHistoryCsv.excursions(FREEZER, excursions).write(out);
        return CSVParser.parse(out.toString(StandardCharsets.UTF_8), CSVFormat.RFC4180).getRecords().stream().map(CSVRecord::toList).toList();
    }

    private static ExcursionDecision decision(String decision, int vials, int minutesAfter) {
        return new ExcursionDecision(UUID.nameUUIDFromBytes(decision.getBytes()), "OUT_OF_RANGE", AT, decision, "checked against stability data",
                vials, "qa-ito", AT.plusSeconds(60L * minutesAfter));
    }

    @Test
    void anExcursionIsARowPerDispositionAndOneWithoutAnyIsOneRowWithThoseColumnsEmpty() throws IOException {
        Excursion twice = new Excursion("OUT_OF_RANGE", AT, AT.plusSeconds(600), new BigDecimal("-55.00"), new BigDecimal("-40.00"), 10, false, 3,
                0, List.of(decision("RELEASE", 2, 30), decision("WASTE", 1, 45)));
        Excursion silent = new Excursion("NO_READINGS", AT.plusSeconds(3600), null, null, null, 21, true, 3, 3, List.of());
        List<List<String>> rows = rows(List.of(twice, silent));

        assertEquals(PlaceHistoryCsv.EXCURSIONS, rows.get(0));
        assertEquals(List.of("FREEZER-1", "Freezer 1, room 2", "-90.0", "-60.0", "OUT_OF_RANGE", "2026-12-06T18:10:00Z", "2026-12-06T18:20:00Z",
                "false", "10", "-55.00", "-40.00", "3", "0", "RELEASE", "2", "checked against stability data", "qa-ito", "2026-12-06T18:40:00Z",
                UUID.nameUUIDFromBytes("RELEASE".getBytes()).toString()), rows.get(1));
        assertEquals(rows.get(1).subList(0, 13), rows.get(2).subList(0, 13), "the excursion again, with its second disposition");
        assertEquals(List.of("WASTE", "1"), rows.get(2).subList(13, 15));
        assertEquals(List.of("FREEZER-1", "Freezer 1, room 2", "-90.0", "-60.0", "NO_READINGS", "2026-12-06T19:10:00Z", "", "true", "21", "",
                "", "3", "3", "", "", "", "", "", ""), rows.get(3));
        assertEquals(4, rows.size());
    }

    @Test
    void theFileIsNamedByPlaceAndPeriodInUtc() {
        assertEquals("FREEZER-1-readings-20261206T030000Z_20261207T030000Z.csv", PlaceHistoryCsv.filename(FREEZER, "readings",
                Instant.parse("2026-12-06T03:00:00Z"), Instant.parse("2026-12-07T03:00:00Z")));
    }
}
