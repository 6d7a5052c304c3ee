package org.exotrace.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the SQL migrations of {@code sql/} (packaged at {@code classpath:db/migration}) with Flyway at
 * start-up. When the database is not reachable yet it retries every few seconds instead of failing the
 * deployment; the startup and readiness checks say DOWN until it has succeeded. While the launcher is still starting
 * the embedded PostgreSQL (it does so during Payara Micro's boot, docs/adr/0024) the first try waits for it.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());
    private static final long RETRY_MILLIS = 5_000;
    /** {@code org.exotrace.launcher.Launcher#EMBEDDED_DB_STARTING}: "true" while the launcher starts the embedded database. */
    static final String EMBEDDED_DB_STARTING = "exotrace.embedded-db.starting";
    /** Past this the first try is made anyway, and the retries above take over. */
    private static final long EMBEDDED_DB_WAIT_MILLIS = 120_000;

    // Flyway gets its own connection, not one of the pool's: those have a 60 s socket timeout, and a
    // migration that rewrites a large table (V9) runs longer than that.
    @Inject
    @ConfigProperty(name = "exotrace.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "exotrace.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "exotrace.db.password")
    String password;

    @Resource
    TimerService timers;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile String appliedVersion;

    @PostConstruct
    void start() {
        awaitEmbeddedDatabase();
        if (!migrate()) {
            timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig("migrations", false));
        }
    }

    @Timeout
    void retry(jakarta.ejb.Timer timer) {
        if (migrate()) {
            timer.cancel();
        }
    }

    /**
     * Waits while the launcher starts the embedded database (a fresh one: {@code initdb}, a few seconds): the first try
     * would otherwise fail, log a warning and wait for the next retry. Nothing to wait for on a database of one's own.
     */
    static void awaitEmbeddedDatabase() {
        if (!Boolean.getBoolean(EMBEDDED_DB_STARTING)) {
            return;
        }
        long began = System.nanoTime();
        long deadline = began + EMBEDDED_DB_WAIT_MILLIS * 1_000_000;
        try {
            while (Boolean.getBoolean(EMBEDDED_DB_STARTING) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info(() -> String.format("Waited %d ms for the embedded PostgreSQL the launcher starts",
                (System.nanoTime() - began) / 1_000_000));
    }

    private boolean migrate() {
        try {
            long started = System.nanoTime();
            Flyway flyway = Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load();
            MigrateResult result = flyway.migrate();
            var current = flyway.info().current();
            appliedVersion = current == null ? "none" : current.getVersion().getVersion();
            LOG.info(() -> String.format("Schema at version %s (%d migrations applied now, %d ms)",
                    appliedVersion, result.migrationsExecuted, (System.nanoTime() - started) / 1_000_000));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Migrations not applied yet, retrying in " + RETRY_MILLIS + " ms: " + e.getMessage());
            return false;
        }
        try {
            schemaReady.fire(new SchemaReady(appliedVersion));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Start-up work after the migrations failed", e);
        }
        return true;
    }

    /** The schema's version once the migrations ran ("none" if there were none to apply), {@code null} until then. */
    public String version() {
        return appliedVersion;
    }
}
