package org.exotrace.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.exotrace.platform.control.DatabaseConfig;
import org.exotrace.platform.control.DatabaseMigrations;
import org.exotrace.platform.problem.DatabaseUnavailable;

import javax.sql.DataSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Three different questions: is the JVM healthy (liveness), can the service serve now (readiness: the
 * database answers within a short timeout, takes writes, and the schema is migrated), has start-up finished (the
 * migrations ran). "Takes writes": a standby answers but refuses them, as a multi-host URL without
 * {@code targetServerType=primary} may reach one during a failover (ADR 0042).
 */
@ApplicationScoped
public class HealthChecks {

    static final long DATABASE_TIMEOUT_MILLIS = 2_000;
    private static final double HEAP_LIMIT = 0.95;

    @Inject
    DatabaseMigrations migrations;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Produces
    @Liveness
    HealthCheck memory() {
        return () -> {
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            double share = (double) used / rt.maxMemory();
            return HealthCheckResponse.named("heap")
                    .status(share < HEAP_LIMIT)
                    .withData("usedBytes", used)
                    .withData("maxBytes", rt.maxMemory())
                    .build();
        };
    }

    /**
     * What the migrations have done, as the checks report it: {@code version} is the schema's version, "pending" until
     * the migrations ran (the database may not answer yet), "starting" while the EJB container starts.
     */
    record Schema(boolean applied, String version) {
        static final Schema STARTING = new Schema(false, "starting");
    }

    /**
     * The migrations' state, or {@link Schema#STARTING} while the EJB container is still making {@link DatabaseMigrations}
     * (a call to it throws then, and a check that throws is logged by Payara as a WARNING with its stack trace, on
     * every poll of a starting service).
     */
    Schema schema() {
        try {
            String version = migrations.version();
            return new Schema(version != null, version == null ? "pending" : version);
        } catch (EJBException e) {
            return Schema.STARTING;
        }
    }

    @Produces
    @Startup
    HealthCheck migrationsApplied() {
        return () -> {
            Schema schema = schema();
            return HealthCheckResponse.named("migrations")
                    .status(schema.applied())
                    .withData("schemaVersion", schema.version())
                    .build();
        };
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            Schema schema = schema();
            var builder = HealthCheckResponse.named("database").withData("schemaVersion", schema.version());
            try {
                boolean reachable = CompletableFuture.supplyAsync(this::databaseAnswers)
                        .get(DATABASE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                return builder.status(reachable && schema.applied()).withData("reachable", reachable).build();
            } catch (Exception e) {
                return builder.down().withData("reachable", false).build();
            }
        };
    }

    private boolean databaseAnswers() {
        return DatabaseUnavailable.writableNow(dataSource, 2);
    }
}
