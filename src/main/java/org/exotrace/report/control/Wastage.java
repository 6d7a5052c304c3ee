package org.exotrace.report.control;

import org.exotrace.vial.entity.WasteReason;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What was wasted in a period, by reason and product: whole vials that left stock without reaching a
 * patient (wasted, or missing at a count) with their volume, and the remainders of vials a dose used
 * only in part ({@code partialVials}, counted under PARTIAL_USE_REMAINDER with the ml left in them).
 */
public record Wastage(ReportPeriod period, String timeZone, long vials, long partialVials, BigDecimal ml, List<ByReason> byReason,
                      List<Line> lines) {

    public record Line(WasteReason reason, String productCode, String productName, long vials, long partialVials, BigDecimal ml) {

        Line plus(Line o) {
            return new Line(reason, productCode, productName, vials + o.vials, partialVials + o.partialVials, ml.add(o.ml));
        }
    }

    public record ByReason(WasteReason reason, long vials, long partialVials, BigDecimal ml) {
    }

    /** @param lines whole-vial and remainder lines; lines of one reason and product are added up */
    public static Wastage of(ReportPeriod period, ZoneId zone, List<Line> lines) {
        List<Line> merged = merge(lines, l -> l.reason() + "\n" + l.productCode()).stream()
                .sorted(Comparator.comparing(Line::reason).thenComparing(Line::productCode)).toList();
        List<ByReason> byReason = merge(merged, l -> l.reason().name()).stream()
                .sorted(Comparator.comparing(Line::reason))
                .map(l -> new ByReason(l.reason(), l.vials(), l.partialVials(), l.ml())).toList();
        return new Wastage(period, zone.getId(), merged.stream().mapToLong(Line::vials).sum(), merged.stream().mapToLong(Line::partialVials).sum(),
                merged.stream().map(Line::ml).reduce(BigDecimal.ZERO.setScale(3), BigDecimal::add), byReason, merged);
    }

    private static List<Line> merge(List<Line> lines, Function<Line, String> key) {
        Map<String, Line> sums = new TreeMap<>();
        lines.forEach(l -> sums.merge(key.apply(l), l, Line::plus));
        return List.copyOf(sums.values());
    }
}
