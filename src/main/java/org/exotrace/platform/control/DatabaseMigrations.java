package org.exotrace.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the SQL migrations of {@code sql/} (packaged at {@code classpath:db/migration}) with Flyway at
 * start-up. When they fail (the database went away after the deployment's own first connection, say) it retries every
 * few seconds instead of failing the deployment; the startup and readiness checks say DOWN until it has succeeded. (A
 * database that cannot be reached at all fails the deployment before this runs, and the launcher exits with status 4.)
 * While the launcher is still starting the embedded PostgreSQL (it does so during Payara Micro's boot, docs/adr/0024)
 * the first try waits for it ({@link EmbeddedDatabase}): Flyway's connection is its own and does not pass through
 * {@link FailFastSession}, whose wait at the deployment's log-in has normally returned already.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());
    private static final long RETRY_MILLIS = 5_000;

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

    // Flyway migrates as the role that owns the schema; the pool's role (exotrace.db.user) owns nothing (docs/adr/0027).
    // Each unset is the pool's own (exotrace.db.user, exotrace.db.password): one user for both, as before the split.
    @Inject
    @ConfigProperty(name = "exotrace.db.owner-user")
    Optional<String> ownerUser;

    @Inject
    @ConfigProperty(name = "exotrace.db.owner-password")
    Optional<String> ownerPassword;

    // not the EJB timer service: Payara Micro keeps EJB timers in Hazelcast, which the service runs without (docs/adr/0025)
    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile String appliedVersion;
    private volatile ScheduledFuture<?> retries;

    @PostConstruct
    void start() {
        EmbeddedDatabase.awaitStarted();
        if (!migrate()) {
            retries = scheduler.scheduleWithFixedDelay(this::retry, RETRY_MILLIS, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void retry() {
        if (migrate()) {
            retries.cancel(false);
        }
    }

    private boolean migrate() {
        try {
            long started = System.nanoTime();
            Flyway flyway = flyway(url, ownerUser.orElse(user), ownerPassword.orElse(password), user);
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

    /**
     * Flyway on {@code sql/}, signed in as {@code owner}, the role that owns the schema; its afterMigrate script grants
     * {@code appRole}, the application's, what the model needs ({@code sql/afterMigrate__grant_the_application_role.sql}).
     */
    public static Flyway flyway(String url, String owner, String ownerPassword, String appRole) {
        if (appRole.contains("\"")) {
            throw new IllegalArgumentException("a database role name with a double quote: " + appRole);
        }
        return Flyway.configure()
                .dataSource(url, owner, ownerPassword)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .placeholders(Map.of("appRole", appRole))
                .load();
    }

    /** The schema's version once the migrations ran ("none" if there were none to apply), {@code null} until then. */
    public String version() {
        return appliedVersion;
    }
}
