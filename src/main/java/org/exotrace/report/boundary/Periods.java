package org.exotrace.report.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.report.control.ReportPeriod;

import java.time.LocalDate;

/** Query parameters naming a report's period: bean parameters, not constrained method parameters (docs/adr/0003). */
public final class Periods {

    private Periods() {
    }

    static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    static final String DATE_MESSAGE = "a date such as 2026-11-24";

    /** {@code ?from&to}: dates in the clinic's zone, both inclusive; by default the last 30 days. */
    public static class Span {
        @QueryParam("from")
        @Pattern(regexp = DATE, message = DATE_MESSAGE)
        String from;

        @QueryParam("to")
        @Pattern(regexp = DATE, message = DATE_MESSAGE)
        String to;

        ReportPeriod period(LocalDate today) {
            return ReportPeriod.of(from, to, today);
        }
    }

    /** {@code ?year}, or {@code ?from&to} as for {@link Span}; not both. */
    public static class YearOrSpan extends Span {
        @QueryParam("year")
        @Pattern(regexp = "20[0-9]{2}", message = "a year such as 2026")
        String year;

        @Override
        ReportPeriod period(LocalDate today) {
            if (year == null) {
                return super.period(today);
            }
            if (from != null || to != null) {
                throw ProblemException.invalid("year", "give a year or from and to, not both");
            }
            return ReportPeriod.year(Integer.parseInt(year));
        }
    }
}
