package org.exotrace.gs1;

import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The content checks ("linters") that the GS1 syntax dictionary names for a component of an AI's value. Each returns
 * null when the component passes, else an English reason. The coupon linters (AIs 8110, 8112) are not implemented:
 * those components are checked only against their character set and length.
 */
final class Gs1Linters {

    /** GS1 AI encodable character set 39 (GS1 General Specifications, figure 7.11-2). */
    private static final String SET_39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** GS1 AI encodable character set 64 (file-safe, URI-safe base64; figure 7.11-3), '=' as padding at the end. */
    private static final String SET_64 = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    /** Check characters of the GMN (AI 8013). */
    private static final String SET_32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /** GS1 AI encodable character set 82 (GS1 General Specifications, figure 7.11-1), in its order. */
    private static final String SET_82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    /** ISO 3166-1 numeric country codes. */
    private static final Set<String> ISO_3166_NUMERIC = Set.of((
            "004 008 010 012 016 020 024 028 031 032 036 040 044 048 050 051 052 056 060 064 068 070 072 074 076 084 "
            + "086 090 092 096 100 104 108 112 116 120 124 132 136 140 144 148 152 156 158 162 166 170 174 175 178 "
            + "180 184 188 191 192 196 203 204 208 212 214 218 222 226 231 232 233 234 238 239 242 246 248 250 254 "
            + "258 260 262 266 268 270 275 276 288 292 296 300 304 308 312 316 320 324 328 332 334 336 340 344 348 "
            + "352 356 360 364 368 372 376 380 384 388 392 398 400 404 408 410 414 417 418 422 426 428 430 434 438 "
            + "440 442 446 450 454 458 462 466 470 474 478 480 484 492 496 498 499 500 504 508 512 516 520 524 528 "
            + "531 533 534 535 540 548 554 558 562 566 570 574 578 580 581 583 584 585 586 591 598 600 604 608 612 "
            + "616 620 624 626 630 634 638 642 643 646 652 654 659 660 662 663 666 670 674 678 682 686 688 690 694 "
            + "702 703 704 705 706 710 716 724 728 729 732 740 744 748 752 756 760 762 764 768 772 776 780 784 788 "
            + "792 795 796 798 800 804 807 818 826 831 832 833 834 840 850 854 858 860 862 876 882 887 894").split(" "));

    private static final Set<String> ISO_3166_ALPHA2 = Set.of(Locale.getISOCountries());

    private static final Set<String> ISO_4217_NUMERIC = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getNumericCode() > 0)
            .map(Currency::getNumericCodeAsString)
            .collect(Collectors.toUnmodifiableSet());

    private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71,
        73, 79, 83, 89};

    private Gs1Linters() {
    }

    /** Checks that {@code value} is made of the characters of a component's type: N, X (set 82), Y (39), Z (64). */
    static String charset(char type, String value) {
        return switch (type) {
            case 'N' -> csetNumeric(value);
            case 'X' -> cset82(value);
            case 'Y' -> outside(value, SET_39, "character set 39");
            case 'Z' -> cset64(value);
            default -> throw new IllegalStateException("component type " + type);
        };
    }

    /** Runs the named linter; null when the value passes. */
    static String lint(String linter, String value) {
        return switch (linter) {
            case "csum" -> csum(value);
            case "csumalpha" -> csumAlpha(value);
            case "key" -> key(value);
            case "yymmd0" -> yymmd0(value);
            case "yymmdd" -> date(value, false);
            case "yymmddhh" -> value.length() != 8 ? "must be YYMMDDHH" : firstNonNull(
                    date(value.substring(0, 6), false), range(value.substring(6), 0, 23, "hour"));
            case "hhmm" -> value.length() != 4 ? "must be HHMM" : firstNonNull(
                    range(value.substring(0, 2), 0, 23, "hour"), range(value.substring(2), 0, 59, "minute"));
            case "mmoptss" -> mmOptSs(value);
            case "nonzero" -> value.chars().allMatch(c -> c == '0') ? "must not be zero" : null;
            case "zero" -> value.equals("0") ? null : "must be 0";
            case "winding" -> value.equals("0") || value.equals("1") || value.equals("9") ? null
                    : "winding direction must be 0, 1 or 9";
            case "pieceoftotal" -> pieceOfTotal(value);
            case "yesno" -> value.equals("0") || value.equals("1") ? null : "must be 0 or 1";
            case "hyphen" -> value.equals("-") ? null : "must be '-'";
            case "importeridx" -> value.length() == 1 && (Character.isLetterOrDigit(value.charAt(0)) && value.charAt(0) < 128
                    || value.charAt(0) == '-' || value.charAt(0) == '_') ? null : "not a valid importer index";
            case "iso3166" -> ISO_3166_NUMERIC.contains(value) ? null : value + " is not an ISO 3166 country code";
            case "iso3166999" -> value.equals("999") || ISO_3166_NUMERIC.contains(value) ? null
                    : value + " is not an ISO 3166 country code or 999";
            case "iso3166list" -> iso3166List(value);
            case "iso3166alpha2" -> ISO_3166_ALPHA2.contains(value) ? null : value + " is not an ISO 3166 alpha-2 code";
            case "iso4217" -> ISO_4217_NUMERIC.contains(value) ? null : value + " is not an ISO 4217 currency code";
            case "latitude" -> Long.parseLong(value) <= 1_800_000_000L ? null : "latitude out of range";
            case "longitude" -> Long.parseLong(value) <= 3_600_000_000L ? null : "longitude out of range";
            case "mediatype" -> mediaType(value);
            case "nozeroprefix" -> value.length() > 1 && value.charAt(0) == '0' ? "must not start with 0" : null;
            case "pcenc" -> percentEncoding(value);
            case "iban" -> iban(value);
            case "couponcode", "couponposoffer" -> null;
            default -> throw new IllegalStateException("no linter " + linter);
        };
    }

    /** GS1 mod-10 check digit over all digits, the last being the check digit. */
    static String csum(String value) {
        if (value.isEmpty()) {
            return "too short for a check digit";
        }
        String digits = csetNumeric(value);
        if (digits != null) {
            return digits;
        }
        int expected = Gtin.computeCheckDigit(value.substring(0, value.length() - 1));
        int actual = value.charAt(value.length() - 1) - '0';
        return actual == expected ? null : "has check digit " + actual + ", expected " + expected;
    }

    /** Set 82 membership of every character; the empty string passes. */
    static String cset82(String value) {
        return outside(value, SET_82, "the GS1 AI encodable character set 82");
    }

    /** YYMMDD with day 00 allowed (month known, day not); 29 February in years divisible by 4. */
    static String yymmd0(String value) {
        return date(value, true);
    }

    private static String date(String value, boolean dayZero) {
        if (value.length() < 6) {
            return "date is too short";
        }
        if (value.length() > 6) {
            return "date is too long";
        }
        String digits = csetNumeric(value);
        if (digits != null) {
            return digits;
        }
        int yy = Integer.parseInt(value.substring(0, 2));
        int mm = Integer.parseInt(value.substring(2, 4));
        int dd = Integer.parseInt(value.substring(4, 6));
        if (mm < 1 || mm > 12) {
            return "month " + value.substring(2, 4) + " does not exist";
        }
        int[] days = {31, yy % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (dd > days[mm - 1] || (dd == 0 && !dayZero)) {
            return "day " + value.substring(4, 6) + " does not exist";
        }
        return null;
    }

    private static String csetNumeric(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return "contains " + Gs1Text.describeChar(c) + ", which is not a digit";
            }
        }
        return null;
    }

    private static String cset64(String value) {
        int end = value.length();
        while (end > 0 && value.length() - end < 2 && value.charAt(end - 1) == '=') {
            end--;
        }
        if (end < value.length() && value.length() % 4 != 0) {
            return "'=' padding of character set 64 must make the length a multiple of 4";
        }
        return outside(value.substring(0, end), SET_64, "character set 64");
    }

    private static String outside(String value, String set, String name) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 128 || set.indexOf(c) < 0) {
                return "contains " + Gs1Text.describeChar(c) + ", which is not in " + name;
            }
        }
        return null;
    }

    /** A key starts with a GS1 Company Prefix: at least four digits. */
    private static String key(String value) {
        if (value.length() < 4) {
            return "too short to start with a GS1 Company Prefix";
        }
        return csetNumeric(value.substring(0, 4)) == null ? null : "does not start with a GS1 Company Prefix";
    }

    /** GMN: two check characters over the rest, weighted by primes from the right, modulo 1021. */
    private static String csumAlpha(String value) {
        if (value.length() < 2) {
            return "too short for check characters";
        }
        int n = value.length() - 2;
        if (n > PRIMES.length) {
            return "too long for check characters";
        }
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += SET_82.indexOf(value.charAt(i)) * PRIMES[n - i - 1];
        }
        sum %= 1021;
        String expected = "" + SET_32.charAt(sum >> 5) + SET_32.charAt(sum & 31);
        return value.endsWith(expected) ? null : "check characters should be " + expected;
    }

    private static String mmOptSs(String value) {
        if (value.length() != 2 && value.length() != 4) {
            return "must be MM or MMSS";
        }
        return firstNonNull(range(value.substring(0, 2), 0, 59, "minute"),
                value.length() == 4 ? range(value.substring(2), 0, 59, "second") : null);
    }

    private static String pieceOfTotal(String value) {
        int half = value.length() / 2;
        int piece = Integer.parseInt(value.substring(0, half));
        int total = Integer.parseInt(value.substring(half));
        return piece >= 1 && total >= 1 && piece <= total ? null : "piece " + piece + " of total " + total + " is not valid";
    }

    private static String iso3166List(String value) {
        if (value.length() % 3 != 0) {
            return "is not a list of three-digit country codes";
        }
        for (int i = 0; i < value.length(); i += 3) {
            String code = value.substring(i, i + 3);
            if (!ISO_3166_NUMERIC.contains(code)) {
                return code + " is not an ISO 3166 country code";
            }
        }
        return null;
    }

    private static String mediaType(String value) {
        int type = Integer.parseInt(value);
        return (type >= 1 && type <= 10) || type >= 80 ? null : "AIDC media type " + value + " is not defined";
    }

    private static String percentEncoding(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '%' && (i + 2 >= value.length()
                    || Character.digit(value.charAt(i + 1), 16) < 0 || Character.digit(value.charAt(i + 2), 16) < 0)) {
                return "has a malformed percent-escape";
            }
        }
        return null;
    }

    private static String iban(String value) {
        if (value.length() < 5 || !ISO_3166_ALPHA2.contains(value.substring(0, 2))
                || csetNumeric(value.substring(2, 4)) != null) {
            return "is not an IBAN";
        }
        String rearranged = value.substring(4) + value.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return "is not an IBAN";
            }
            remainder = (digit > 9 ? remainder * 100 + digit : remainder * 10 + digit) % 97;
        }
        return remainder == 1 ? null : "IBAN check digits are wrong";
    }

    private static String range(String two, int min, int max, String what) {
        int n = Integer.parseInt(two);
        return n >= min && n <= max ? null : what + " " + two + " does not exist";
    }

    private static String firstNonNull(String... problems) {
        return Arrays.stream(problems).filter(p -> p != null).findFirst().orElse(null);
    }
}
