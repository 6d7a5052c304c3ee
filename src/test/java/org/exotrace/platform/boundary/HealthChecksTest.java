package org.exotrace.platform.boundary;

import jakarta.ejb.EJBException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.exotrace.platform.control.DatabaseMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the start-up and readiness checks answer before and after the migrations, and while the server is still
 * starting: then a call to the migrations' EJB throws, and a check that throws is logged by Payara as a WARNING with a
 * stack trace on every poll. Without a server: the MicroProfile Health API is given a plain response builder.
 */
class HealthChecksTest {

    /** The migrations' EJB as a starting container, a pending one and a migrated one answer for it. */
    static final class Migrations extends DatabaseMigrations {
        private final String version;
        private final boolean containerStarting;

        Migrations(String version, boolean containerStarting) {
            this.version = version;
            this.containerStarting = containerStarting;
        }

        @Override
        public String version() {
            if (containerStarting) {
                throw new EJBException("Attempt to invoke when container is in Initializing");
            }
            return version;
        }
    }

    static final class Builder extends HealthCheckResponseBuilder {
        private String name;
        private HealthCheckResponse.Status status = HealthCheckResponse.Status.DOWN;
        private final Map<String, Object> data = new LinkedHashMap<>();

        @Override
        public HealthCheckResponseBuilder name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, String value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, long value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, boolean value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder up() {
            return status(true);
        }

        @Override
        public HealthCheckResponseBuilder down() {
            return status(false);
        }

        @Override
        public HealthCheckResponseBuilder status(boolean up) {
            status = up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
            return this;
        }

        @Override
        public HealthCheckResponse build() {
            return new HealthCheckResponse(name, status, Optional.of(Map.copyOf(data)));
        }
    }

    @BeforeAll
    static void plainResponses() {
        HealthCheckResponse.setResponseProvider(Builder::new);
    }

    @AfterAll
    static void noProvider() {
        HealthCheckResponse.setResponseProvider(null);
    }

    static HealthChecks checks(Migrations migrations) {
        HealthChecks checks = new HealthChecks();
        checks.migrations = migrations;
        checks.dataSource = null; // no database: readiness finds it unreachable
        return checks;
    }

    @Test
    void whileTheServerStartsBothChecksAnswerDownStartingInsteadOfThrowing() throws Exception {
        HealthChecks checks = checks(new Migrations(null, true));
        HealthCheckResponse started = checks.migrationsApplied().call();
        assertEquals(HealthCheckResponse.Status.DOWN, started.getStatus());
        assertEquals("starting", started.getData().orElseThrow().get("schemaVersion"));
        HealthCheckResponse ready = checks.database().call();
        assertEquals(HealthCheckResponse.Status.DOWN, ready.getStatus());
        assertEquals("starting", ready.getData().orElseThrow().get("schemaVersion"));
    }

    @Test
    void beforeTheMigrationsRanStartedIsDownPending() throws Exception {
        HealthCheckResponse started = checks(new Migrations(null, false)).migrationsApplied().call();
        assertEquals(HealthCheckResponse.Status.DOWN, started.getStatus());
        assertEquals("pending", started.getData().orElseThrow().get("schemaVersion"));
    }

    @Test
    void afterTheMigrationsStartedIsUpWithTheSchemaVersion() throws Exception {
        HealthCheckResponse started = checks(new Migrations("14", false)).migrationsApplied().call();
        assertEquals(HealthCheckResponse.Status.UP, started.getStatus());
        assertEquals("14", started.getData().orElseThrow().get("schemaVersion"));
        HealthCheckResponse ready = checks(new Migrations("14", false)).database().call();
        assertEquals(HealthCheckResponse.Status.DOWN, ready.getStatus(), "no database in this test: not ready");
        assertEquals(false, ready.getData().orElseThrow().get("reachable"));
    }
}
