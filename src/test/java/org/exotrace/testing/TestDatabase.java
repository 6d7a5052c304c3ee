package org.exotrace.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The integration tests' PostgreSQL, once per test run: a fresh database on the server named by
 * {@code EXOTRACE_TEST_DB_URL} (user {@code EXOTRACE_TEST_DB_USER}, default postgres), or else on an
 * embedded PostgreSQL started here, with a role of its own that the services under test sign in as (it owns nothing;
 * they migrate as the tests' user). Its coordinates go to system properties that arquillian.xml hands
 * to the Payara Micro under test. A session listener, not an extension: Arquillian would also run an
 * extension inside the server.
 */
public class TestDatabase implements LauncherSessionListener {

    /** The application's role on the tests' database: what the services under test sign in as. */
    public static final String APP_USER = "exotrace.it.db.app-user";

    /** The loopback port the services under test send webhooks to (arquillian.xml); IntegrationsIT listens there. */
    public static final String WEBHOOK_PORT = "exotrace.it.webhook.port";

    private EmbeddedPostgres embedded;
    private String adminUrl;
    private String database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("exotrace.test.war") == null) {
            return; // unit tests (surefire) need no database
        }
        String external = System.getenv("EXOTRACE_TEST_DB_URL");
        String user = envOr("EXOTRACE_TEST_DB_USER", "postgres");
        String password = envOr("EXOTRACE_TEST_DB_PASSWORD", "");
        try {
            if (external == null || external.isBlank()) {
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(Path.of(System.getProperty("exotrace.test.dir", "target/it"), "postgres"))
                        .setCleanDataDirectory(true)
                        .start();
                // not zonky's getJdbcUrl: its "?user=postgres" would win over the user that each connection names
                adminUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
                user = "postgres";
                password = "";
            } else {
                adminUrl = external;
            }
            // a fresh database has a fresh audit log: the checkpoints an earlier run exported describe another one (ADR 0038)
            java.nio.file.Files.deleteIfExists(Path.of(System.getProperty("exotrace.test.dir", "target/it"), "data", "audit-checkpoints.jsonl"));
            database = "exotrace_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"));
            String appPassword = UUID.randomUUID().toString();
            try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
                c.createStatement().execute("CREATE DATABASE " + database);
                c.createStatement().execute("CREATE ROLE " + appRole() + " LOGIN PASSWORD '" + appPassword + "'");
            }
            System.setProperty("exotrace.it.db.url", withDatabase(adminUrl, database));
            System.setProperty("exotrace.it.db.user", user);
            System.setProperty("exotrace.it.db.password", password.isEmpty() ? "unused" : password);
            System.setProperty(APP_USER, appRole());
            System.setProperty("exotrace.it.db.app-password", appPassword);
            System.setProperty(WEBHOOK_PORT, Integer.toString(freePort()));
            System.out.println("[exotrace] integration tests use " + withDatabase(adminUrl, database)
                    + (embedded == null ? " (EXOTRACE_TEST_DB_URL)" : " (embedded PostgreSQL)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the integration-test database at " + adminUrl, e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            if (embedded != null) {
                embedded.close();
            } else if (database != null) {
                try (Connection c = DriverManager.getConnection(adminUrl, envOr("EXOTRACE_TEST_DB_USER", "postgres"),
                        envOr("EXOTRACE_TEST_DB_PASSWORD", ""))) {
                    c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                    c.createStatement().execute("DROP ROLE IF EXISTS " + appRole());
                }
            }
        } catch (IOException | SQLException e) {
            System.err.println("[exotrace] could not clean up the test database: " + e.getMessage());
        }
    }

    /** The role the services under test sign in as (exotrace.db.user): it owns nothing; the tests' own user migrates (docs/adr/0027). */
    private String appRole() {
        return database + "_app";
    }

    /** The same server and options, another database: jdbc:postgresql://host:port/db?x=y. */
    static String withDatabase(String url, String database) {
        return url.replaceFirst("^(jdbc:postgresql://[^/?]+)(/[^?]*)?", "$1/" + database);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The database the service under test uses, for tests that must look underneath the API. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("exotrace.it.db.url"),
                System.getProperty("exotrace.it.db.user"), System.getProperty("exotrace.it.db.password"));
    }

    /**
     * Waits (up to 30 s) until {@code sessions} sessions of the test database wait for a lock, as PostgreSQL itself
     * reports them in {@code pg_stat_activity}: a test proves that a request waits without guessing how long to sleep.
     */
    public static void awaitLockWaits(int sessions) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection db = connect(); PreparedStatement waiting = db.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            while (true) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= sessions) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no " + sessions + " session(s) waited for a lock within 30 s");
                }
                Thread.sleep(20);
            }
        }
    }
}
