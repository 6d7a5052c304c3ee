package org.exotrace.gs1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GS1 Digital Link URIs as the GS1 Digital Link standard and its reference syntax engine read them:
 * {@code http(s)://host[/stem]/{key AI}/{value}[/{qualifier AI}/{value}...][?{AI}={value}&...][#fragment]}.
 *
 * <ul>
 *   <li>The scheme is {@code http}, {@code https}, {@code HTTP} or {@code HTTPS}; the URI holds only URI characters.</li>
 *   <li>The path is read from the right: pairs of a known AI and its value up to the rightmost primary key (01, 00,
 *       414, ...); what lies before is the stem, whatever it holds. The key and its qualifiers must follow one of the
 *       key's qualifier paths in order (for (01): 22, 10, 21, or 235).</li>
 *   <li>Query parameters with a numeric name are AIs and must be known, non-empty and not repeated; a qualifier of
 *       the path's key (such as a lot for a GTIN) belongs in the path and is refused in the query. Other
 *       parameters are ignored. In the query "+" means a space.</li>
 *   <li>Values are percent-decoded (UTF-8); a decoded NUL is refused. Every value is then checked against its AI.</li>
 * </ul>
 */
final class DigitalLinkSyntax {

    private static final String URI_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";

    private static final boolean[] IS_URI_CHARACTER = new boolean[128];

    static {
        for (char c : URI_CHARACTERS.toCharArray()) {
            IS_URI_CHARACTER[c] = true;
        }
    }

    private static final String BAD_DOMAIN_CHARACTERS = "_~?#@!$&'()*+,;=%";

    private DigitalLinkSyntax() {
    }

    /** True if {@code s} starts with a scheme this reader takes, in the cases GS1 allows. */
    static boolean hasScheme(String s) {
        return s.startsWith("https://") || s.startsWith("HTTPS://") || s.startsWith("http://") || s.startsWith("HTTP://");
    }

    /** True if {@code s} looks like an http(s) URI in any case; such scans are read (and refused) as Digital Links. */
    static boolean looksLikeDigitalLink(String s) {
        return s.regionMatches(true, 0, "https://", 0, 8) || s.regionMatches(true, 0, "http://", 0, 7);
    }

    static Gs1Label parse(String uri, int currentYear) {
        return Gs1LabelBuilder.build(split(uri), BarcodeForm.DIGITAL_LINK, currentYear);
    }

    /** The AIs of the URI, path first; checks the URI's structure and the key-qualifier rules, not the values. */
    static List<Element> split(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c >= 128 || !IS_URI_CHARACTER[c]) {
                throw new Refusal("Digital Link URI contains " + Gs1Text.describeChar(c)
                        + ", which a URI may not carry; anything else must be percent-encoded");
            }
        }
        if (!hasScheme(uri)) {
            throw new Refusal("Digital Link URI must start with http:// or https:// (all lower or all upper case)");
        }
        String rest = uri.substring(uri.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        if (slash < 1) {
            throw new Refusal("Digital Link URI has no host and path");
        }
        for (int i = 0; i < slash; i++) {
            if (BAD_DOMAIN_CHARACTERS.indexOf(rest.charAt(i)) >= 0) {
                throw new Refusal("Digital Link host contains " + Gs1Text.describeChar(rest.charAt(i)));
            }
        }
        String path = rest.substring(slash);
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        int question = path.indexOf('?');
        String query = question >= 0 ? path.substring(question + 1) : "";
        if (question >= 0) {
            path = path.substring(0, question);
        }
        String[] segments = path.substring(1).split("/", -1);

        int keyAt = -1;
        for (int k = segments.length - 2; k >= 0; k -= 2) {
            Gs1Dictionary.Entry entry = numericAi(segments[k]);
            if (entry == null) {
                break;
            }
            if (entry.isDlPrimaryKey()) {
                keyAt = k;
                break;
            }
        }
        if (keyAt < 0) {
            throw new Refusal("Digital Link path has no GS1 key such as /01/{GTIN} followed only by /{AI}/{value} pairs");
        }
        List<Element> elements = new ArrayList<>();
        List<String> pathAis = new ArrayList<>();
        for (int k = keyAt; k < segments.length; k += 2) {
            Gs1Dictionary.Entry entry = numericAi(segments[k]);
            if (segments[k + 1].isEmpty()) {
                throw new Refusal("Digital Link path element /" + entry.ai() + "/ has no value after it");
            }
            elements.add(new Element(entry, percentDecode(segments[k + 1], entry, false)));
            pathAis.add(entry.ai());
        }
        if (!isQualifierPath(pathAis)) {
            throw new Refusal("Digital Link path /" + String.join("/.../", pathAis) + "/... is not a key with its"
                    + " qualifiers in order; for a GTIN: /01/...[/22/...][/10/...][/21/...] or /01/.../235/...");
        }
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            if (parameter.isEmpty() || equals < 0) {
                continue; // empty or valueless parameters carry no AI
            }
            String key = parameter.substring(0, equals);
            if (key.isEmpty() || !Gs1Text.allAsciiDigits(key)) {
                continue; // not an AI: ignored, as GS1 Digital Link allows
            }
            Gs1Dictionary.Entry entry = Gs1Dictionary.lookup(key);
            if (entry == null) {
                throw new Refusal("Digital Link query parameter " + Gs1Text.quote(key)
                        + " is numeric but not an AI of the GS1 syntax dictionary");
            }
            String raw = parameter.substring(equals + 1);
            if (raw.isEmpty()) {
                throw new Refusal("Digital Link query parameter " + key + " (" + entry.label() + ") is empty");
            }
            for (Element earlier : elements) {
                if (earlier.ai().equals(key)) {
                    throw new Refusal(entry.label() + " appears twice in the Digital Link");
                }
            }
            for (int j = 1; j <= pathAis.size(); j++) {
                List<String> trial = new ArrayList<>(pathAis);
                trial.add(j, key);
                if (isQualifierPath(trial)) {
                    throw new Refusal(entry.label() + " is a qualifier of the Digital Link's key and belongs in the"
                            + " path (/" + key + "/...), not in the query");
                }
            }
            elements.add(new Element(entry, percentDecode(raw, entry, true)));
        }
        return elements;
    }

    private static Gs1Dictionary.Entry numericAi(String segment) {
        return Gs1Text.allAsciiDigits(segment) ? Gs1Dictionary.lookup(segment) : null;
    }

    /** True if {@code ais} is a primary key followed by qualifiers taken in order from one of its qualifier paths. */
    private static boolean isQualifierPath(List<String> ais) {
        Gs1Dictionary.Entry key = Gs1Dictionary.lookup(ais.get(0));
        for (List<String> qualifiers : key.dlQualifierPaths()) {
            int next = 0;
            boolean inOrder = true;
            for (String ai : ais.subList(1, ais.size())) {
                int at = qualifiers.subList(next, qualifiers.size()).indexOf(ai);
                if (at < 0) {
                    inOrder = false;
                    break;
                }
                next += at + 1;
            }
            if (inOrder) {
                return true;
            }
        }
        return false;
    }

    /** RFC 3986 percent-decoding as UTF-8 ("+" as space in the query); malformed escapes and NUL are refused. */
    private static String percentDecode(String s, Gs1Dictionary.Entry ai, boolean query) {
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
                int b = high * 16 + low;
                if (b == 0) {
                    throw new Refusal(ai.label() + " in the Digital Link decodes to a NUL character");
                }
                bytes.write(b);
                i += 2;
            } else {
                bytes.write(query && c == '+' ? ' ' : c);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
