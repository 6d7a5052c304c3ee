package org.exotrace.security.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordsTest {

    @Test
    void theRightPasswordMatchesItsHash() {
        String stored = Passwords.hash("correct horse battery", 1_000);
        assertTrue(Passwords.matches("correct horse battery", stored));
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String stored = Passwords.hash("correct horse battery", 1_000);
        assertFalse(Passwords.matches("correct horse batterY", stored));
        assertFalse(Passwords.matches("", stored));
        assertFalse(Passwords.matches(null, stored));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertNotEquals(Passwords.hash("same password", 1_000), Passwords.hash("same password", 1_000));
    }

    @Test
    void theHashNamesItsAlgorithmAndCostAndNeverContainsThePassword() {
        String stored = Passwords.hash("visible-secret", Passwords.ITERATIONS);
        assertTrue(stored.startsWith("pbkdf2-sha256$600000$"), () -> stored + ": OWASP's 600 000 iterations by default");
        assertFalse(stored.contains("visible-secret"));
    }

    @Test
    void aMalformedStoredHashMatchesNothing() {
        assertFalse(Passwords.matches("anything", "plain-text"));
        assertFalse(Passwords.matches("anything", null));
    }

    @Test
    void aHashMadeAtAnOlderCostStillMatchesAndIsToBeMadeAnew() {
        String old = Passwords.hash("an older password", 310_000);
        assertTrue(Passwords.matches("an older password", old), "the cost is read from the stored hash");
        assertTrue(Passwords.madeAtAnotherCost(old, 600_000));
        assertFalse(Passwords.madeAtAnotherCost(old, 310_000));
    }
}
