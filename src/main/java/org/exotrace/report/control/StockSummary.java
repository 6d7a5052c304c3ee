package org.exotrace.report.control;

import org.exotrace.vial.control.Stock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QA's view of stock on hand: by product and location, with the earliest expiry and how many vials
 * are in stock past their lot's expiry date (they may not be given and must be wasted).
 */
public record StockSummary(LocalDate asOf, String timeZone, long vials, long expiredVials, List<Line> lines, List<Stock.Line> expired) {

    /** Vials of one product at one location, over all its lots there. */
    public record Line(String productCode, String productName, String location, long vials, int lots, LocalDate earliestExpiry,
                       long expiredVials) {

        Line plus(Stock.Line l, boolean expired) {
            return new Line(productCode, productName, location, vials + l.vials(), lots + 1,
                    l.expiresOn().isBefore(earliestExpiry) ? l.expiresOn() : earliestExpiry, expiredVials + (expired ? l.vials() : 0));
        }
    }

    /** @param onHand the stock view's lines (one per lot and location), in any order */
    public static StockSummary of(List<Stock.Line> onHand, LocalDate today, ZoneId zone) {
        Map<List<String>, Line> lines = new LinkedHashMap<>();
        List<Stock.Line> expired = onHand.stream().filter(l -> l.expired(today)).toList();
        for (Stock.Line l : onHand) {
            lines.compute(List.of(l.productCode(), l.location()), (key, sum) ->
                    (sum == null ? new Line(l.productCode(), l.productName(), l.location(), 0, 0, l.expiresOn(), 0) : sum)
                            .plus(l, l.expired(today)));
        }
        List<Line> sorted = lines.values().stream()
                .sorted(Comparator.comparing(Line::productCode).thenComparing(Line::location)).toList();
        return new StockSummary(today, zone.getId(), sorted.stream().mapToLong(Line::vials).sum(), sorted.stream().mapToLong(Line::expiredVials).sum(),
                sorted, expired);
    }
}
