package org.exotrace.trace.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LotFileNameTest {

    @Test
    void aLotNumberOfGs1CharacterSet82CannotBreakTheQuotedFileName() {
        assertEquals("AB_12__x_", LotFileName.of("AB/12\";x?"));
        assertEquals("NFC-2611A", LotFileName.of("NFC-2611A"));
    }
}
