package org.exotrace.security.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    private static boolean refused(String username, String password) {
        return PasswordPolicy.refusal(username, password).isPresent();
    }

    @Test
    void aCommonPasswordWithDigitsOrSymbolsAroundItIsRefused() {
        assertTrue(refused("nurse1", "password12"));
        assertTrue(refused("nurse1", "Password2026!"));
        assertTrue(refused("nurse1", "qwertyuiop"));
        assertTrue(refused("nurse1", "!!letmein!!"));
    }

    @Test
    void digitsAndSymbolsAloneAreRefused() {
        assertTrue(refused("nurse1", "1234567890"));
        assertTrue(refused("nurse1", "8274019365"));
        assertTrue(refused("nurse1", "12345-67890"));
    }

    @Test
    void blanksAndOneRepeatedCharacterAreRefused() {
        assertTrue(refused("nurse1", "          "));
        assertTrue(refused("nurse1", "\t\t\t\t\t\t\t\t\t\t"));
        assertTrue(refused("nurse1", "aaaaaaaaaaaa"));
    }

    @Test
    void theUserNameInAnyCaseOrWithDigitsAroundItIsRefused() {
        assertTrue(refused("nurse.tanaka", "nurse.tanaka"));
        assertTrue(refused("nurse.tanaka", "NURSE.TANAKA"));
        assertTrue(refused("nurse.tanaka", "nurse.tanaka2026"));
        assertTrue(refused("tanaka1", "tanaka2026!!"));
    }

    @Test
    void tooShortOrTooLongIsRefusedWithTheLimits() {
        assertEquals("at least 10 characters", PasswordPolicy.refusal("nurse1", "short").orElseThrow());
        assertTrue(refused("nurse1", "x".repeat(257)));
        assertTrue(refused("nurse1", null));
    }

    @Test
    void anOrdinaryPassphraseIsAccepted() {
        assertTrue(PasswordPolicy.refusal("nurse.tanaka", "correct horse battery").isEmpty());
        assertTrue(PasswordPolicy.refusal("nurse.tanaka", "it-admin-password").isEmpty());
        assertTrue(PasswordPolicy.refusal("nurse.tanaka", "own-3f9a2c7d1e0b").isEmpty());
    }
}
