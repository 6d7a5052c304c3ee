package org.exotrace.epcis.control;

import org.exotrace.gs1.Gtin;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * GS1 EPC pure-identity URIs (Tag Data Standard): an SGTIN from a GTIN-14 and a serial, an SGLN from a GLN with or
 * without an extension (a storage place of the clinic, GS1 AI 254).
 */
public final class EpcUris {

    private final int companyPrefixLength;

    /** @param companyPrefixLength digits of the GS1 company prefix in the clinic's GTINs and GLN: 6 to 12 */
    public EpcUris(int companyPrefixLength) {
        if (companyPrefixLength < 6 || companyPrefixLength > 12) {
            throw new IllegalArgumentException("a GS1 company prefix has 6 to 12 digits, not " + companyPrefixLength);
        }
        this.companyPrefixLength = companyPrefixLength;
    }

    /**
     * {@code urn:epc:id:sgtin:CompanyPrefix.IndicatorItemRef.Serial}: the GTIN's indicator digit moves before the item
     * reference, its check digit is dropped, and the serial is escaped as the TDS asks.
     */
    public String sgtin(String gtin14, String serial) {
        requireDigits(gtin14, 14, "GTIN-14");
        String prefix = gtin14.substring(1, 1 + companyPrefixLength);
        String itemReference = gtin14.charAt(0) + gtin14.substring(1 + companyPrefixLength, 13);
        return "urn:epc:id:sgtin:" + prefix + "." + itemReference + "." + escape(serial);
    }

    /** {@code urn:epc:class:lgtin:CompanyPrefix.IndicatorItemRef.Lot}: every vial of one lot. */
    public String lgtin(String gtin14, String lot) {
        String sgtin = sgtin(gtin14, lot);
        return "urn:epc:class:lgtin:" + sgtin.substring("urn:epc:id:sgtin:".length());
    }

    /** {@code urn:epc:id:sgln:CompanyPrefix.LocationRef.0}: the site a GLN names, without extension. */
    public String sgln(String gln13) {
        return sgln(gln13, "0");
    }

    /**
     * {@code urn:epc:id:sgln:CompanyPrefix.LocationRef.Extension}: a place within the site a GLN names, the extension
     * ({@code 0} for none) escaped as a serial is.
     */
    public String sgln(String gln13, String extension) {
        requireDigits(gln13, 13, "GLN");
        return "urn:epc:id:sgln:" + gln13.substring(0, companyPrefixLength) + "." + gln13.substring(companyPrefixLength, 12) + "."
                + escape(extension);
    }

    /** Empty if {@code gln} is a GLN: 13 digits whose last is the GS1 mod-10 check digit of the others; else why not. */
    public static Optional<String> glnProblem(String gln) {
        if (gln == null || gln.length() != 13 || !gln.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("a GLN has 13 digits");
        }
        // GLN-13 and GTIN-14 share the mod-10 check digit; a leading zero weighs nothing
        return Gtin.isValid("0" + gln) ? Optional.empty()
                : Optional.of("the check digit of " + gln + " should be " + Gtin.checkDigit("0" + gln.substring(0, 12)));
    }

    /**
     * Percent-escapes what a URN may not carry as such: the TDS escapes {@code " % & / < > ?} in a serial, and
     * anything outside printable ASCII or outside the GS1 AI character set (such as {@code #}, space) is escaped too.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!'()*+,-.:;=_".indexOf(c) >= 0;
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static void requireDigits(String value, int length, String what) {
        if (value == null || value.length() != length || !value.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a " + what + " of " + length + " digits: " + value);
        }
    }
}
