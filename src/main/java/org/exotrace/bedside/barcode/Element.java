package org.exotrace.bedside.barcode;

/** One AI and its raw (not yet validated) value, as split out of a scan by a syntax reader. */
record Element(Gs1Ai ai, String value) {
}
