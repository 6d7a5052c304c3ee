package org.exotrace.platform.control;

import java.util.logging.Logger;

/**
 * The launcher starts the embedded PostgreSQL while Payara Micro boots and deploys the WAR (docs/adr/0024); the
 * application's first connection must wait until it is up. That first connection is EclipseLink's log-in when the WAR
 * deploys (Payara makes an entity manager then, to validate the persistence unit; the deployment fails if it cannot
 * connect), so {@link FailFastSession} waits before it, as {@link DatabaseMigrations} does before its first try.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    /**
     * {@code org.exotrace.launcher.Launcher#EMBEDDED_DB_STARTING}: "true" as a system property while the launcher starts
     * the embedded database, cleared when it is up (or failed, and the JVM exits).
     */
    public static final String STARTING = "exotrace.embedded-db.starting";
    /** Past this the caller goes on, and fails as it would with any unreachable database. */
    private static final long WAIT_MILLIS = 120_000;

    private EmbeddedDatabase() {
    }

    /** Waits while the launcher starts the embedded database; returns at once on a database of one's own. */
    public static void awaitStarted() {
        if (!Boolean.getBoolean(STARTING)) {
            return;
        }
        long began = System.nanoTime();
        long deadline = began + WAIT_MILLIS * 1_000_000;
        try {
            while (Boolean.getBoolean(STARTING) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info(() -> String.format("Waited %d ms for the embedded PostgreSQL the launcher starts",
                (System.nanoTime() - began) / 1_000_000));
    }
}
