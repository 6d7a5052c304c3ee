package org.exotrace.platform.boundary;

/** Regular expressions that request classes share in their {@code @Pattern} constraints. */
public final class Patterns {

    /** A UUID in its canonical text form, as the API gives ids out. */
    public static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private Patterns() {
    }
}
