package org.exotrace.platform.control;

import org.exotrace.launcher.Launcher;
import org.exotrace.testing.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application's first connection waits while the launcher is still starting the embedded PostgreSQL (docs/adr/0024), and
 * not at all on a database of one's own.
 */
class EmbeddedDatabaseTest {

    @AfterEach
    void clear() {
        System.clearProperty(EmbeddedDatabase.STARTING);
    }

    @Test
    void theLauncherAndTheApplicationNameTheSameProperty() {
        assertEquals(Launcher.EMBEDDED_DB_STARTING, EmbeddedDatabase.STARTING);
    }

    @Test
    void waitsUntilTheLauncherSaysTheEmbeddedDatabaseIsUp() {
        System.setProperty(EmbeddedDatabase.STARTING, "true");
        Thread launcher = new Thread(() -> {
            ServiceProcess.sleep(400);
            System.clearProperty(EmbeddedDatabase.STARTING);
        });
        long began = System.nanoTime();
        launcher.start();
        assertTimeoutPreemptively(Duration.ofSeconds(10), EmbeddedDatabase::awaitStarted);
        long waited = (System.nanoTime() - began) / 1_000_000;
        assertTrue(waited >= 400, "returned after " + waited + " ms, before the database was up");
        assertNull(System.getProperty(EmbeddedDatabase.STARTING));
    }

    @Test
    void doesNotWaitWhenNoEmbeddedDatabaseIsStarting() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), EmbeddedDatabase::awaitStarted);
    }
}
