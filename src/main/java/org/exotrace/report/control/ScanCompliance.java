package org.exotrace.report.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The share of vials recorded without a bedside scan (a vial id typed or picked by hand), overall,
 * by nurse and by ISO week, from one nurse's figures per clinic day.
 */
public record ScanCompliance(ReportPeriod period, String timeZone, Figures overall, List<ByNurse> byNurse, List<ByWeek> byWeek) {

    /** Doses, vials, and of those vials the ones recorded without a scan, on one day by one nurse. */
    public record Day(String nurse, LocalDate day, long doses, long vials, long unscannedVials) {

        Figures figures() {
            return Figures.of(doses, vials, unscannedVials);
        }
    }

    /** Counts with the unscanned share in percent, one decimal; null when there were no vials. */
    public record Figures(long doses, long vials, long unscannedVials, BigDecimal unscannedPercent) {

        static Figures of(long doses, long vials, long unscannedVials) {
            return new Figures(doses, vials, unscannedVials, percent(unscannedVials, vials));
        }

        Figures plus(Figures o) {
            return of(doses + o.doses, vials + o.vials, unscannedVials + o.unscannedVials);
        }
    }

    public record ByNurse(String nurse, Figures figures) {
    }

    /** {@code week} as ISO-8601 ({@code 2026-W48}), starting on Monday {@code weekStart}. */
    public record ByWeek(String week, LocalDate weekStart, Figures figures) {
    }

    private static final Figures NONE = Figures.of(0, 0, 0);

    public static ScanCompliance of(ReportPeriod period, ZoneId zone, List<Day> days) {
        Figures overall = days.stream().map(Day::figures).reduce(NONE, Figures::plus);
        List<ByNurse> byNurse = sum(days, Day::nurse).entrySet().stream().map(e -> new ByNurse(e.getKey(), e.getValue())).toList();
        List<ByWeek> byWeek = sum(days, d -> weekStart(d.day())).entrySet().stream()
                .map(e -> new ByWeek(isoWeek(e.getKey()), e.getKey(), e.getValue())).toList();
        return new ScanCompliance(period, zone.getId(), overall, byNurse, byWeek);
    }

    private static <K extends Comparable<? super K>> Map<K, Figures> sum(List<Day> days, Function<Day, K> key) {
        Map<K, Figures> sums = new TreeMap<>();
        days.forEach(d -> sums.merge(key.apply(d), d.figures(), Figures::plus));
        return sums;
    }

    /** The Monday of the ISO week the day belongs to. */
    public static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** ISO-8601 week of the day, such as {@code 2026-W48}; the year is the week-based year (29 Dec 2025 is in 2026-W01). */
    public static String isoWeek(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** {@code part} of {@code whole} in percent, rounded half up to one decimal; null for a whole of zero. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
