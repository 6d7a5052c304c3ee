package org.exotrace.gs1;

import java.util.List;

/**
 * Checks AI values as GS1 does: each value against its AI's format in the syntax dictionary (length, character set
 * and linters per component), then the AIs of one scan together (a repeated AI must repeat its value; exclusive AIs;
 * required AIs; a digital signature needs a serialised key).
 */
final class Gs1Values {

    private Gs1Values() {
    }

    /** The value of {@code ai} as an AI (10) lot or (21) serial would take it: null when valid, else why not. */
    static String problemWith(String ai, String value) {
        try {
            check(Gs1Dictionary.lookup(ai), value);
            return null;
        } catch (Refusal refusal) {
            return refusal.getMessage();
        }
    }

    /** @throws Refusal naming the AI and the rule broken */
    static void check(Gs1Dictionary.Entry entry, String value) {
        List<Gs1Dictionary.Component> components = entry.components();
        boolean plainDigits = components.size() == 1 && components.get(0).type() == 'N'
                && entry.minLength() == entry.maxLength();
        if (plainDigits && (value.length() != entry.maxLength() || !Gs1Text.allAsciiDigits(value))) {
            throw new Refusal(entry.label() + " must be exactly " + entry.maxLength() + " digits, got "
                    + Gs1Text.quote(value) + " (" + value.length() + " characters)");
        }
        if (value.isEmpty()) {
            throw new Refusal(entry.label() + " is empty; it needs " + lengths(entry));
        }
        if (value.length() > entry.maxLength()) {
            throw new Refusal(entry.label() + " is " + value.length() + " characters long; at most " + entry.maxLength()
                    + " are allowed");
        }
        if (value.length() < entry.minLength()) {
            throw new Refusal(entry.label() + " is " + value.length() + " characters long; it needs " + lengths(entry));
        }
        int at = 0;
        for (Gs1Dictionary.Component component : components) {
            int left = value.length() - at;
            if (left == 0 && component.optional()) {
                break;
            }
            int length = Math.min(left, component.max());
            if (length < component.min()) {
                throw new Refusal(entry.label() + " " + Gs1Text.quote(value) + " is cut short: a part of "
                        + component.min() + " characters is incomplete");
            }
            String part = value.substring(at, at + length);
            String problem = Gs1Linters.charset(component.type(), part);
            if (problem == null) {
                for (int i = 0; problem == null && i < component.linters().size(); i++) {
                    problem = Gs1Linters.lint(component.linters().get(i), part);
                }
                if (problem != null) {
                    problem = (part.equals(value) ? "" : "part " + Gs1Text.quote(part) + " ") + problem;
                    throw new Refusal(entry.ai().equals("01") && Gtin.problemWith(value) != null
                            ? Gtin.problemWith(value) : entry.label() + " " + Gs1Text.quote(value) + " " + problem);
                }
            } else {
                throw new Refusal(entry.label() + " " + problem);
            }
            at += length;
        }
    }

    private static String lengths(Gs1Dictionary.Entry entry) {
        return entry.minLength() == entry.maxLength()
                ? "exactly " + entry.maxLength() + " characters"
                : entry.minLength() + " to " + entry.maxLength() + " characters";
    }

    static void checkEach(List<Element> elements) {
        for (Element element : elements) {
            check(element.entry(), element.value());
        }
    }

    /** The rules between the AIs of one scan. */
    static void checkTogether(List<Element> elements) {
        checkRepeats(elements);
        checkExclusions(elements);
        checkRequisites(elements);
        checkSignatureKey(elements);
    }

    static void checkRepeats(List<Element> elements) {
        for (int i = 0; i < elements.size(); i++) {
            for (int j = 0; j < i; j++) {
                Element a = elements.get(j);
                Element b = elements.get(i);
                if (a.ai().equals(b.ai()) && !a.value().equals(b.value())) {
                    throw new Refusal(a.entry().label() + " appears twice with different values: "
                            + Gs1Text.quote(a.value()) + " and " + Gs1Text.quote(b.value()));
                }
            }
        }
    }

    static void checkExclusions(List<Element> elements) {
        for (Element element : elements) {
            for (String pattern : element.entry().excludes()) {
                for (Element other : elements) {
                    if (!other.ai().equals(element.ai()) && matches(pattern, other.ai())) {
                        throw new Refusal(element.entry().label() + " and " + other.entry().label()
                                + " must not appear together");
                    }
                }
            }
        }
    }

    static void checkRequisites(List<Element> elements) {
        for (Element element : elements) {
            for (List<String> oneOf : element.entry().requires()) {
                boolean satisfied = oneOf.stream().anyMatch(alternative -> List.of(alternative.split("\\+")).stream()
                        .allMatch(pattern -> elements.stream().anyMatch(e -> matches(pattern, e.ai()))));
                if (!satisfied) {
                    throw new Refusal(element.entry().label() + " needs AI ("
                            + String.join(") or (", oneOf).replace("+", ") with (") + ") in the same scan");
                }
            }
        }
    }

    /** A digital signature (8030) signs a serialised key: GDTI, GCN and GRAI must carry their serial part. */
    static void checkSignatureKey(List<Element> elements) {
        if (elements.stream().noneMatch(e -> e.ai().equals("8030"))) {
            return;
        }
        for (Element element : elements) {
            if (List.of("253", "255", "8003").contains(element.ai())
                    && element.value().length() <= element.entry().minLength()) {
                throw new Refusal("digital signature (8030) needs a serialised key, but " + element.entry().label()
                        + " has no serial component");
            }
        }
    }

    /** "n" in a pattern stands for any digit. */
    private static boolean matches(String pattern, String ai) {
        if (pattern.length() != ai.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != 'n' && pattern.charAt(i) != ai.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
