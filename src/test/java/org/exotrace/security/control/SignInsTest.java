package org.exotrace.security.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignInsTest {

    @Test
    void theAttemptedNameIsCountedInLowerCase() {
        assertEquals("nurse.tanaka", SignIns.attemptedName("Nurse.TANAKA"));
    }

    @Test
    void aNameWithANulByteIsCountedWithoutIt() {
        assertEquals("ad\uFFFDmin", SignIns.attemptedName("ad\u0000min"));
    }

    @Test
    void anOverlongNameIsCountedByItsFirst64Characters() {
        assertEquals("x".repeat(64), SignIns.attemptedName("x".repeat(500)));
    }

    @Test
    void aMissingAddressIsCountedAsUnknown() {
        assertEquals("unknown", SignIns.address(null));
        assertEquals("127.0.0.1", SignIns.address("127.0.0.1"));
    }
}
