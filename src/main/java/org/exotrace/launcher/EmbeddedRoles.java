package org.exotrace.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The embedded PostgreSQL's roles and how they sign in (docs/adr/0027). zonky's {@code initdb} trusts every local
 * connection as the superuser; at every start the launcher makes it ask each role for its password (scram-sha-256 on
 * the loopback, no Unix socket at all) and splits the database between two roles:
 * <ul>
 *     <li>{@value #OWNER} owns the database {@value #DATABASE} and everything in it: Flyway migrates as it;</li>
 *     <li>{@value #APP}, the application's pool, owns nothing and may do only what the afterMigrate grants of
 *     {@code sql/} give it (SELECT and INSERT, UPDATE or DELETE where the model does);</li>
 *     <li>{@value #SUPERUSER} stays for the launcher's own work: this set-up and {@code --backup}.</li>
 * </ul>
 * Their random passwords live in {@value #FILE} inside PostgreSQL's data directory ({@code rw-------}, in the private data
 * directory), so that a backup and its restore carry the passwords that match the roles in it. An older data directory
 * (trust, the superuser alone, everything owned by it) is brought to this on its first start.
 */
public final class EmbeddedRoles {

    private static final Logger LOG = Logger.getLogger(EmbeddedRoles.class.getName());

    public static final String SUPERUSER = "postgres";
    public static final String OWNER = "exotrace_owner";
    public static final String APP = "exotrace_app";
    public static final String DATABASE = "exotrace";
    /** In PostgreSQL's data directory: {@code <exotrace.data.dir>/postgres/exotrace-passwords.properties}. */
    public static final String FILE = "exotrace-passwords.properties";

    /** The whole of pg_hba.conf: every role, every database, with its password; nothing for replication. */
    static final String HBA = """
            # Written by ExoTrace's launcher at every start (docs/adr/0027): every connection gives its role's password.
            # There is no Unix socket (unix_socket_directories is empty); TCP on the loopback only (listen_addresses).
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final Path pgData;
    private final Properties passwords;
    private final boolean stored;

    private EmbeddedRoles(Path pgData, Properties passwords, boolean stored) {
        this.pgData = pgData;
        this.passwords = passwords;
        this.stored = stored;
    }

    /** The passwords kept in {@code pgData}, or new random ones (stored by {@link #secure} once the database is up). */
    public static EmbeddedRoles of(Path pgData) throws IOException {
        Path file = pgData.resolve(FILE);
        Properties passwords = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                passwords.load(in);
            }
            if (List.of(SUPERUSER, OWNER, APP).stream().allMatch(passwords::containsKey)) {
                return new EmbeddedRoles(pgData, passwords, true);
            }
        }
        SecureRandom random = new SecureRandom();
        for (String role : List.of(SUPERUSER, OWNER, APP)) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            passwords.setProperty(role, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)); // [A-Za-z0-9_-]: safe in SQL
        }
        return new EmbeddedRoles(pgData, passwords, false);
    }

    public String password(String role) {
        return passwords.getProperty(role);
    }

    /** The connection properties zonky's own connections (its readiness check) sign in with. */
    void configure(EmbeddedPostgres.Builder builder) {
        builder.setConnectConfig("password", password(SUPERUSER));
    }

    /**
     * Brings the running database to the roles above, whatever it was: stores the passwords first (so that a crash midway
     * leaves a directory the next start can still enter), sets them, creates the roles and the database, hands every
     * object the superuser owns in it to {@value #OWNER}, then writes pg_hba.conf and waits until PostgreSQL refuses a
     * connection without a password. Each step is idempotent.
     */
    void secure(EmbeddedPostgres postgres) throws IOException, SQLException {
        if (stored) {
            ownerOnly(pgData.resolve(FILE)); // a restore (Backup.restore) unpacks it with the umask's permissions
        } else {
            store();
        }
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
        try (Connection c = DriverManager.getConnection(url + "postgres", SUPERUSER, password(SUPERUSER));
             Statement st = c.createStatement()) {
            st.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password(SUPERUSER) + "'");
            for (String role : List.of(OWNER, APP)) {
                if (!st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'").next()) {
                    st.execute("CREATE ROLE " + role);
                }
                st.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                        + password(role) + "'");
            }
            if (st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next()) {
                st.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER);
            } else {
                st.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            }
        }
        try (Connection c = DriverManager.getConnection(url + DATABASE, SUPERUSER, password(SUPERUSER));
             Statement st = c.createStatement()) {
            st.execute(HAND_OVER);
        }
        Path hba = pgData.resolve("pg_hba.conf");
        if (!HBA.equals(Files.readString(hba))) {
            Files.writeString(hba, HBA);
            try (Connection c = DriverManager.getConnection(url + "postgres", SUPERUSER, password(SUPERUSER))) {
                c.createStatement().execute("SELECT pg_reload_conf()");
            }
            awaitPasswordsRequired(url + "postgres");
            LOG.info(() -> "The embedded PostgreSQL now asks every role for its password (pg_hba.conf rewritten)");
        }
    }

    /**
     * Everything in schema public that the superuser owns (a data directory from before this split) to the owner role:
     * relations, composite types (V28's {@code place_excursion}) and routines.
     */
    private static final String HAND_OVER = """
            DO $$
            DECLARE o record;
            BEGIN
              FOR o IN SELECT c.oid::regclass AS name FROM pg_class c
                        WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = '%1$s'::regrole
                          AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                             AND d.deptype IN ('a', 'i'))
              LOOP
                EXECUTE format('ALTER TABLE %%s OWNER TO %2$s', o.name);
              END LOOP;
              FOR o IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid
                        WHERE t.typnamespace = 'public'::regnamespace AND t.typowner = '%1$s'::regrole AND c.relkind = 'c'
              LOOP
                EXECUTE format('ALTER TYPE %%s OWNER TO %2$s', o.name);
              END LOOP;
              FOR o IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = '%1$s'::regrole
              LOOP
                EXECUTE format('ALTER ROUTINE %%s OWNER TO %2$s', o.name);
              END LOOP;
            END $$""".formatted(SUPERUSER, OWNER);

    private void store() throws IOException {
        Path file = pgData.resolve(FILE);
        Path partial = pgData.resolve(FILE + ".partial");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(partial);
        }
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            passwords.store(out, "The embedded PostgreSQL's roles (docs/adr/0027). Keep with the database: a backup carries it.");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.fine(() -> file + " is not on a POSIX file system: its permissions are left to the operator");
        }
    }

    /** PostgreSQL reads pg_hba.conf again after the reload's signal, not at once: the launcher goes on once it has. */
    private static void awaitPasswordsRequired(String url) throws SQLException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url, SUPERUSER, "not-the-password")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the embedded PostgreSQL still lets a connection in without a password");
                }
            } catch (SQLException refused) {
                if ("28P01".equals(refused.getSQLState())) { // password authentication failed
                    return;
                }
                throw refused;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
