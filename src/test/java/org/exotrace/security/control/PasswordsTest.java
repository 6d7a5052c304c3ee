package org.exotrace.security.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordsTest {

    @Test
    void theRightPasswordMatchesItsHash() {
        String stored = Passwords.hash("correct horse battery");
        assertTrue(Passwords.matches("correct horse battery", stored));
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String stored = Passwords.hash("correct horse battery");
        assertFalse(Passwords.matches("correct horse batterY", stored));
        assertFalse(Passwords.matches("", stored));
        assertFalse(Passwords.matches(null, stored));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertNotEquals(Passwords.hash("same password"), Passwords.hash("same password"));
    }

    @Test
    void theHashNamesItsAlgorithmAndCostAndNeverContainsThePassword() {
        String stored = Passwords.hash("visible-secret");
        assertTrue(stored.startsWith("pbkdf2-sha256$" + Passwords.ITERATIONS + "$"), stored);
        assertFalse(stored.contains("visible-secret"));
    }

    @Test
    void aMalformedStoredHashMatchesNothing() {
        assertFalse(Passwords.matches("anything", "plain-text"));
        assertFalse(Passwords.matches("anything", null));
    }
}
