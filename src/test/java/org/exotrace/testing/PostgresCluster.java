package org.exotrace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of the machine's own binaries ({@code /usr/lib/postgresql/15/bin}, or {@code exotrace.it.pg-bin}),
 * started by a system test in a directory of its own on a free port: a primary made by {@code initdb}, a streaming standby
 * of it made by {@code pg_basebackup -R}. Trust authentication on 127.0.0.1 only, no Unix socket. As root (these machines)
 * every command runs as the OS user {@code postgres}, since {@code initdb} and {@code pg_ctl} refuse root. {@link #close()}
 * stops the postmaster whatever its state.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final Path BIN = Path.of(System.getProperty("exotrace.it.pg-bin", "/usr/lib/postgresql/15/bin"));
    public static final String SUPERUSER = "postgres";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dataDir;
    private final int port;
    private final List<String> settings;

    private PostgresCluster(Path dataDir, int port, List<String> settings) {
        this.dataDir = dataDir;
        this.port = port;
        this.settings = settings;
    }

    /** Whether this machine has the binaries; a test that needs them fails naming them when it has not. */
    public static void requireBinaries() {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_basebackup"))) {
            throw new AssertionError("PostgreSQL's server binaries are not in " + BIN + " (Debian: apt-get install postgresql-15;"
                    + " elsewhere -Dexotrace.it.pg-bin=DIR)");
        }
    }

    /**
     * A new primary in {@code home}/{@code name} on {@code port}, started, with a database {@code database}. {@code settings}
     * are server settings given on its command line ({@code -c name=value}).
     */
    public static PostgresCluster primary(Path home, String name, int port, String database, String... settings) {
        requireBinaries();
        Path dataDir = ownedHome(home).resolve(name);
        run(Duration.ofSeconds(120), BIN.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER, "--auth=trust",
                "-E", "UTF8", "--no-locale", "--no-sync");
        PostgresCluster cluster = new PostgresCluster(dataDir, port, List.of(settings)).start();
        try (Connection c = cluster.connect("postgres")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            cluster.close();
            throw new IllegalStateException(e);
        }
        return cluster;
    }

    /** A streaming standby of this cluster ({@code pg_basebackup -R}) in {@code name} beside it on {@code port}, started. */
    public PostgresCluster standby(String name, int port, String... settings) {
        Path standby = dataDir.resolveSibling(name);
        run(Duration.ofSeconds(120), BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(this.port),
                "-U", SUPERUSER, "-D", standby.toString(), "-R", "-X", "stream", "-c", "fast", "--no-sync");
        return new PostgresCluster(standby, port, List.of(settings)).start();
    }

    private PostgresCluster start() {
        StringBuilder options = new StringBuilder("-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                // processes are killed here, not machines: the OS keeps what was written
                + " -c fsync=off");
        settings.forEach(s -> options.append(" -c ").append(s));
        run(Duration.ofSeconds(90), BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                dataDir.resolveSibling(dataDir.getFileName() + ".log").toString(), "-w", "-t", "60", "-o", options.toString(), "start");
        return this;
    }

    public int port() {
        return port;
    }

    /** {@code host:port}, for a multi-host URL. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public String url(String database) {
        return "jdbc:postgresql://" + address() + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?connectTimeout=5", SUPERUSER, "");
    }

    /** The running postmaster, as its {@code postmaster.pid} names it. */
    public Optional<ProcessHandle> postmaster() {
        try {
            Path pid = dataDir.resolve("postmaster.pid");
            List<String> lines = Files.isRegularFile(pid) ? Files.readAllLines(pid) : List.of();
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGKILL to the postmaster, as a lost machine; waits until it is gone. */
    public void kill() {
        ProcessHandle postmaster = postmaster().orElseThrow(() -> new AssertionError("no postmaster in " + dataDir));
        postmaster.destroyForcibly();
        // Dead is enough: a zombie waiting for init to reap it (seconds on these machines, which is all onExit() and
        // isAlive() see) serves nothing.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (running(postmaster)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the postmaster " + postmaster.pid() + " outlived SIGKILL by 30 s");
            }
            ServiceProcess.sleep(10);
        }
    }

    /** Alive and not a zombie, as Linux's {@code /proc/PID/stat} says (its state follows the name in parentheses). */
    private static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    /** {@code pg_ctl promote}: the standby becomes a primary; waits until it is one. */
    public void promote() {
        run(Duration.ofSeconds(60), BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60", "promote");
    }

    /**
     * Makes the standby named {@code name} (its {@code cluster_name}) this primary's synchronous standby, by {@code ALTER
     * SYSTEM} once it is attached (a primary that waits for a standby not there yet commits nothing, and its settings from
     * before the base backup would pass to the standby, which would wait for itself once promoted); waits (30 s at most)
     * until it replicates synchronously.
     */
    public void synchronousStandby(String name) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = connect("postgres")) {
            c.createStatement().execute("ALTER SYSTEM SET synchronous_standby_names = '" + name + "'");
            c.createStatement().execute("SELECT pg_reload_conf()");
            while (true) {
                ResultSet r = c.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_stat_replication WHERE application_name = '" + name + "' AND sync_state = 'sync'");
                r.next();
                if (r.getInt(1) == 1) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no synchronous standby " + name + " within 30 s");
                }
                ServiceProcess.sleep(100);
            }
        }
    }

    /** Waits (30 s at most) until this standby has replayed everything {@code primary} wrote so far. */
    public void awaitReplayOf(PostgresCluster primary) throws SQLException {
        String written;
        try (Connection c = primary.connect("postgres")) {
            ResultSet r = c.createStatement().executeQuery("SELECT pg_current_wal_lsn()");
            r.next();
            written = r.getString(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = connect("postgres")) {
            while (true) {
                ResultSet r = c.createStatement().executeQuery("SELECT pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn");
                r.next();
                if (r.getBoolean(1)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the standby on port " + port + " did not replay up to " + written + " within 30 s");
                }
                ServiceProcess.sleep(50);
            }
        }
    }

    /** Stops the postmaster at once, whatever its state. */
    @Override
    public void close() {
        postmaster().ifPresent(p -> {
            p.destroyForcibly();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("[exotrace] the postmaster " + p.pid() + " did not stop: " + e);
            }
        });
    }

    /** {@code home}, created, and the OS user {@code postgres}'s when this runs as root (with its parent passable). */
    private static Path ownedHome(Path home) {
        try {
            Files.createDirectories(home);
            if (ROOT) {
                UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(home, users.lookupPrincipalByName(SUPERUSER));
                Files.setPosixFilePermissions(home.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Duration timeout, String... command) {
        List<String> full = new ArrayList<>(ROOT ? List.of("runuser", "-u", SUPERUSER, "--") : List.of());
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            // read all the output: a command that fills its pipe would wait for ever
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", full) + " did not end within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", full) + " exited " + process.exitValue() + ":\n" + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
