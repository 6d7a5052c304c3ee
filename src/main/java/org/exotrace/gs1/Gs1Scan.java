package org.exotrace.gs1;

import java.util.List;

/**
 * What one scan carries once its syntax is read: the GS1 elements in the form they came in, or, for a symbol that
 * is not GS1 (such as a plain QR Code), no elements at all.
 *
 * @param form                  the syntax, null for plain data
 * @param elements              the AIs and their unchecked values in scan order, empty for plain data
 * @param separatorsTransmitted for element strings: whether any group separator arrived
 */
record Gs1Scan(BarcodeForm form, List<Element> elements, boolean separatorsTransmitted) {

    static final Gs1Scan PLAIN = new Gs1Scan(null, List.of(), true);

    boolean isGs1() {
        return form != null;
    }
}
