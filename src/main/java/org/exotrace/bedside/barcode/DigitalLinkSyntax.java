package org.exotrace.bedside.barcode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GS1 Digital Link URIs: {@code http(s)://any.host[/prefix]/01/{gtin}[/10/{lot}][/21/{serial}][?17=yymmdd&11=yymmdd]}.
 * Path values are percent-decoded; query parameters other than 17 and 11 are ignored, as is a fragment.
 * Only numeric AI keys are understood (no "/gtin/" style aliases).
 */
final class DigitalLinkSyntax {

    private DigitalLinkSyntax() {
    }

    static boolean looksLikeDigitalLink(String s) {
        return s.regionMatches(true, 0, "https://", 0, 8) || s.regionMatches(true, 0, "http://", 0, 7);
    }

    static Gs1Label parse(String uri, int currentYear) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new Refusal("Digital Link URI contains " + Gs1Text.describeChar(c)
                        + "; a URI is printable ASCII, anything else must be percent-encoded");
            }
        }
        int hash = uri.indexOf('#');
        String withoutFragment = hash >= 0 ? uri.substring(0, hash) : uri;
        int question = withoutFragment.indexOf('?');
        String base = question >= 0 ? withoutFragment.substring(0, question) : withoutFragment;
        String query = question >= 0 ? withoutFragment.substring(question + 1) : "";

        int authorityStart = base.indexOf("://") + 3;
        int pathStart = base.indexOf('/', authorityStart);
        if (pathStart == authorityStart) {
            throw new Refusal("Digital Link URI has no host");
        }
        if (pathStart < 0) {
            throw new Refusal("Digital Link URI has no path; expected /01/{GTIN} after the host");
        }
        String[] segments = base.substring(pathStart + 1).split("/", -1);
        int end = segments.length;
        if (end > 0 && segments[end - 1].isEmpty()) {
            end--; // one trailing slash
        }
        int gtinKey = -1;
        for (int k = 0; k < end; k++) {
            if (segments[k].equals(Gs1Ai.GTIN.code)) {
                gtinKey = k;
                break;
            }
        }
        if (gtinKey < 0) {
            throw new Refusal("Digital Link URI has no /01/{GTIN} in its path");
        }
        if (gtinKey + 1 >= end) {
            throw new Refusal("Digital Link path has /01/ but no GTIN after it");
        }
        List<Element> elements = new ArrayList<>();
        elements.add(new Element(Gs1Ai.GTIN, percentDecode(segments[gtinKey + 1], Gs1Ai.GTIN)));
        Gs1Ai previous = Gs1Ai.GTIN;
        for (int k = gtinKey + 2; k < end; k += 2) {
            String key = segments[k];
            Gs1Ai ai = Gs1Ai.byCode(key);
            if (ai != Gs1Ai.LOT && ai != Gs1Ai.SERIAL) {
                throw new Refusal("Digital Link path element " + Gs1Text.quote("/" + key + "/")
                        + " is not supported after the GTIN; only /10/{lot} and /21/{serial} are accepted");
            }
            if (ai == previous || previous == Gs1Ai.SERIAL) {
                throw new Refusal("Digital Link path must be /01/{GTIN}[/10/{lot}][/21/{serial}] in that order");
            }
            if (k + 1 >= end) {
                throw new Refusal("Digital Link path element /" + key + "/ has no value after it");
            }
            elements.add(new Element(ai, percentDecode(segments[k + 1], ai)));
            previous = ai;
        }
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String key = equals >= 0 ? parameter.substring(0, equals) : parameter;
            if (key.equals(Gs1Ai.EXPIRY.code) || key.equals(Gs1Ai.PRODUCTION_DATE.code)) {
                Gs1Ai ai = Gs1Ai.byCode(key);
                String value = equals >= 0 ? parameter.substring(equals + 1) : "";
                elements.add(new Element(ai, percentDecode(value, ai)));
            }
        }
        return Gs1LabelBuilder.build(elements, BarcodeForm.DIGITAL_LINK, currentYear);
    }

    /** RFC 3986 percent-decoding as UTF-8; malformed escapes are refused. Input is printable ASCII. */
    private static String percentDecode(String s, Gs1Ai ai) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int high = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int low = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new Refusal(ai.label() + " in the Digital Link has a malformed percent-escape in "
                            + Gs1Text.quote(s));
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
