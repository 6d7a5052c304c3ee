package org.exotrace.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.exotrace.platform.control.DatabaseMigrations;
import org.exotrace.testing.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.exotrace.launcher.EmbeddedRoles.APP;
import static org.exotrace.launcher.EmbeddedRoles.DATABASE;
import static org.exotrace.launcher.EmbeddedRoles.OWNER;
import static org.exotrace.launcher.EmbeddedRoles.SUPERUSER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's embedded PostgreSQL, started as {@code java -jar exotrace.jar} starts it but without Payara Micro
 * (docs/adr/0027): nobody gets in without a role's password, which only the service's OS user can read, and the role
 * the application's pool signs in as can neither switch off the append-only triggers, nor read files or run programs
 * as the database, nor change a ledger's rows.
 */
class EmbeddedDatabaseAccessTest {

    @TempDir
    Path dataDir;

    private final int port = ServiceProcess.freePort();
    private PostmasterWatch database;

    @AfterEach
    void stop() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private EmbeddedRoles start() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        EmbeddedRoles roles = EmbeddedRoles.of(pgData);
        database = Launcher.startEmbeddedDatabase(dataDir, pgData, port, roles);
        return roles;
    }

    private Connection connect(String database, String role, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, role, password);
    }

    /** Migrates as the application does at start: Flyway as the owner, granting the application's role. */
    private void migrate(EmbeddedRoles roles) {
        DatabaseMigrations.flyway("jdbc:postgresql://localhost:" + port + "/" + DATABASE, OWNER, roles.password(OWNER), APP).migrate();
    }

    @Test
    void aConnectionWithoutThePasswordIsRefused() throws Exception {
        EmbeddedRoles roles = start();
        for (String db : List.of("postgres", DATABASE)) {
            for (String role : List.of(SUPERUSER, OWNER, APP)) {
                assertThrows(SQLException.class, () -> connect(db, role, "").close(), role + " on " + db + " without a password");
                assertThrows(SQLException.class, () -> connect(db, role, "postgres").close(), role + " on " + db + " with a guess");
            }
        }
        try (Connection app = connect(DATABASE, APP, roles.password(APP))) {
            assertTrue(app.isValid(2), "the application's own password lets it in");
        }
        Path passwords = dataDir.resolve("postgres").resolve(EmbeddedRoles.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        assertFalse(Files.exists(Path.of("/tmp/.s.PGSQL." + port)), "no Unix socket in /tmp, where zonky's build puts it");
        try (Connection su = connect("postgres", SUPERUSER, roles.password(SUPERUSER));
             ResultSet sockets = su.createStatement().executeQuery("SHOW unix_socket_directories")) {
            assertTrue(sockets.next());
            assertEquals("", sockets.getString(1), "no Unix socket at all");
        }
    }

    /** The issue's own command: another OS user ({@code nobody}) with psql, where this runs as root and psql is there. */
    @Test
    void anotherOsUserWithPsqlIsRefused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && onPath("runuser") && onPath("psql"), "needs root, runuser and psql");
        start();
        List<String> command = List.of("runuser", "-u", "nobody", "--", "psql", "-w", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", SUPERUSER, "-d", DATABASE, "-c", "SELECT 1");
        Process psql = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(psql.waitFor(30, TimeUnit.SECONDS));
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, psql.exitValue(), output);
        assertTrue(output.contains("password"), output);
    }

    private static boolean onPath(String program) {
        return List.of(System.getenv("PATH").split(":")).stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    @Test
    void theApplicationsRoleCannotDisableATriggerNorReadFilesRunProgramsOrChangeALedger() throws Exception {
        EmbeddedRoles roles = start();
        migrate(roles);
        try (Connection app = connect(DATABASE, APP, roles.password(APP))) {
            List<String> statements = new ArrayList<>(List.of(
                    "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
                    "ALTER TABLE administration DISABLE TRIGGER ALL",
                    "SET session_replication_role = replica",
                    "SELECT pg_read_file('postgresql.conf')",
                    "COPY (SELECT 1) TO PROGRAM 'true'",
                    "CREATE TABLE mine (x int)",
                    "DROP TABLE audit_entry"));
            for (String ledger : appendOnlyTables(app)) {
                String column = aWritableColumn(app, ledger);
                statements.add("UPDATE " + ledger + " SET " + column + " = " + column);
                statements.add("DELETE FROM " + ledger);
                statements.add("TRUNCATE " + ledger);
            }
            for (String sql : statements) {
                SQLException refused = assertThrows(SQLException.class, () -> app.createStatement().execute(sql), sql);
                assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage()); // insufficient_privilege
            }
            assertEquals(0, count(app, "SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole"), "it owns nothing");
        }
    }

    /**
     * Every table is readable and writable by the application and every sequence usable (one a migration adds without a
     * grant fails here), and no table that its triggers keep append-only can be changed or emptied by it.
     */
    @Test
    void theApplicationsRoleReadsAndAddsToEveryTableAndChangesNoLedger() throws Exception {
        EmbeddedRoles roles = start();
        migrate(roles);
        try (Connection app = connect(DATABASE, APP, roles.password(APP))) {
            List<String> tables = strings(app, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    + " AND relkind = 'r' AND relname <> 'flyway_schema_history' ORDER BY 1");
            assertTrue(tables.size() >= 23, tables::toString);
            for (String table : tables) {
                assertTrue(privilege(app, table, "SELECT") && privilege(app, table, "INSERT"), table);
            }
            assertFalse(privilege(app, "flyway_schema_history", "INSERT"), "the migrations' history is the owner's");
            for (String sequence : strings(app, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S'")) {
                try (ResultSet r = app.createStatement().executeQuery("SELECT has_sequence_privilege('" + sequence + "', 'USAGE'),"
                        + " has_sequence_privilege('" + sequence + "', 'UPDATE')")) {
                    assertTrue(r.next());
                    assertTrue(r.getBoolean(1), sequence + ": an identity's lastval() or a nextval()");
                    assertFalse(r.getBoolean(2), sequence + ": no setval()");
                }
            }
            List<String> ledgers = appendOnlyTables(app);
            assertTrue(ledgers.containsAll(List.of("audit_entry", "administration", "administration_vial", "stock_movement")), ledgers::toString);
            for (String ledger : ledgers) {
                for (String change : List.of("UPDATE", "DELETE", "TRUNCATE")) {
                    assertFalse(privilege(app, ledger, change), change + " on " + ledger);
                }
            }
        }
    }

    /**
     * A data directory of an earlier version (zonky's trust for everyone, the superuser alone, the schema and its data
     * the superuser's) is brought to the roles on its first start, and the application goes on with its data.
     */
    @Test
    void aDataDirectoryFromBeforeTheRolesIsBroughtToThemOnItsFirstStart() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toFile()).setPort(port).start()) {
            try (Connection c = old.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
            String url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
            DatabaseMigrations.flyway(url, SUPERUSER, "postgres", SUPERUSER).migrate();
            try (Connection c = DriverManager.getConnection(url, SUPERUSER, "postgres")) {
                c.createStatement().execute("INSERT INTO cpc (id, code, name, licence_number, country, created_at, created_by)"
                        + " VALUES (gen_random_uuid(), 'CPC-OLD', 'Before the roles', 'L-1', 'JP', now(), 'admin')");
            }
        }

        EmbeddedRoles roles = start();

        assertThrows(SQLException.class, () -> connect(DATABASE, SUPERUSER, "postgres").close(), "the old trust is gone");
        try (Connection su = connect(DATABASE, SUPERUSER, roles.password(SUPERUSER))) {
            assertEquals(0, count(su, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    + " AND relowner = '" + SUPERUSER + "'::regrole"), "every table, index and sequence handed to the owner");
            assertEquals(0, count(su, "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"
                    + " AND proowner = '" + SUPERUSER + "'::regrole"), "every function handed to the owner");
        }
        migrate(roles);
        try (Connection app = connect(DATABASE, APP, roles.password(APP))) {
            assertEquals(1, count(app, "SELECT count(*) FROM cpc WHERE code = 'CPC-OLD'"), "the data from before");
            SQLException refused = assertThrows(SQLException.class,
                    () -> app.createStatement().execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only"));
            assertEquals("42501", refused.getSQLState());
        }
        database.close();
        database = null;
        EmbeddedRoles again = EmbeddedRoles.of(pgData);
        assertEquals(roles.password(APP), again.password(APP), "the passwords are kept for the next start");
    }

    /** The tables whose rows a trigger of {@code refuse_history_change()} keeps from being changed. */
    private static List<String> appendOnlyTables(Connection c) throws SQLException {
        return strings(c, "SELECT DISTINCT t.tgrelid::regclass::text FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid"
                + " WHERE p.proname = 'refuse_history_change' ORDER BY 1");
    }

    private static String aWritableColumn(Connection c, String table) throws SQLException {
        return strings(c, "SELECT attname FROM pg_attribute WHERE attrelid = '" + table + "'::regclass AND attnum > 0"
                + " AND NOT attisdropped AND attidentity = '' AND attgenerated = '' ORDER BY attnum DESC LIMIT 1").get(0);
    }

    private static boolean privilege(Connection c, String table, String privilege) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery("SELECT has_table_privilege('" + table + "', '" + privilege + "')")) {
            assertTrue(r.next());
            return r.getBoolean(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            assertTrue(r.next());
            return r.getLong(1);
        }
    }
}
