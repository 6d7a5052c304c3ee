package org.exotrace.platform.boundary;

import jakarta.annotation.Resource;
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

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Three different questions: is the JVM healthy (liveness), can the service serve now (readiness: the
 * database answers within a short timeout and the schema is migrated), has start-up finished (the
 * migrations ran).
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

    @Produces
    @Startup
    HealthCheck migrationsApplied() {
        return () -> HealthCheckResponse.named("migrations")
                .status(migrations.applied())
                .withData("schemaVersion", String.valueOf(migrations.version()))
                .build();
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            var builder = HealthCheckResponse.named("database").withData("schemaVersion", String.valueOf(migrations.version()));
            try {
                boolean reachable = CompletableFuture.supplyAsync(this::databaseAnswers)
                        .get(DATABASE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                return builder.status(reachable && migrations.applied()).withData("reachable", reachable).build();
            } catch (Exception e) {
                return builder.down().withData("reachable", false).build();
            }
        };
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
