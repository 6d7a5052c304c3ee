package org.exotrace.gs1;

/** One AI of the syntax dictionary and its raw (not yet validated) value, as split out of a scan by a syntax reader. */
record Element(Gs1Dictionary.Entry entry, String value) {

    String ai() {
        return entry.ai();
    }
}
