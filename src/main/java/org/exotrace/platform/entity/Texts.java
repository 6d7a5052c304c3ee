package org.exotrace.platform.entity;

/** Free text as it is stored: stripped, and blank meaning absent. */
public final class Texts {

    private Texts() {
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
