package org.exotrace.gs1;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.Locale;

/** GS1 YYMMDD dates (AIs 11 and 17) with the century rule of the GS1 General Specifications 7.12. */
final class Gs1Dates {

    private Gs1Dates() {
    }

    /**
     * Full year for a two-digit year, per GS1 General Specifications section 7.12: with
     * {@code diff = yy - (currentYear mod 100)}, diff &gt;= 51 means the previous century,
     * diff &lt;= -50 the next century, anything else the current century.
     */
    static int fullYear(int yy, int currentYear) {
        int century = Math.floorDiv(currentYear, 100) * 100;
        int diff = yy - Math.floorMod(currentYear, 100);
        if (diff >= 51) {
            return century - 100 + yy;
        }
        if (diff <= -50) {
            return century + 100 + yy;
        }
        return century + yy;
    }

    /**
     * Parses YYMMDD for {@code ai}. Day "00" (only year and month known) becomes the last day of the
     * month for the expiry date (17) and the first day of the month for the production date (11).
     *
     * @throws Refusal with a reason naming the AI if the value is not a real date
     */
    static LocalDate parse(Gs1Dictionary.Entry ai, String yymmdd, int currentYear) {
        if (yymmdd.length() != 6 || !Gs1Text.allAsciiDigits(yymmdd)) {
            throw new Refusal(ai.label() + " must be 6 digits YYMMDD, got " + Gs1Text.quote(yymmdd));
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int mm = Integer.parseInt(yymmdd.substring(2, 4));
        int dd = Integer.parseInt(yymmdd.substring(4, 6));
        if (mm < 1 || mm > 12) {
            throw new Refusal(ai.label() + " " + yymmdd + " has month " + two(mm) + "; months run from 01 to 12");
        }
        int year = fullYear(yy, currentYear);
        Month month = Month.of(mm);
        int lastDay = month.length(Year.isLeap(year));
        if (dd == 0) {
            return ai.ai().equals("17") ? LocalDate.of(year, mm, lastDay) : LocalDate.of(year, mm, 1);
        }
        if (dd > lastDay) {
            String monthName = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            String why = (mm == 2 && dd == 29)
                    ? year + " is not a leap year"
                    : monthName + " " + year + " has " + lastDay + " days";
            throw new Refusal(ai.label() + " " + yymmdd + " is not a real date: day " + two(dd)
                    + " does not exist (" + why + ")");
        }
        return LocalDate.of(year, mm, dd);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
