package org.exotrace.trace.boundary;

/** A lot number in a quoted file name: GS1 set 82 allows '"', '/' and others that a file name cannot carry. */
final class LotFileName {

    private LotFileName() {
    }

    static String of(String lotNumber) {
        return lotNumber.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
