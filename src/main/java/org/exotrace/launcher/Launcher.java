package org.exotrace.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts ExoTrace: {@code java -jar target/exotrace.jar [--port N] [other Payara Micro options]}.
 *
 * <p>When no database is configured ({@code exotrace.db.url} as a system property or
 * {@code EXOTRACE_DB_URL} in the environment) it starts a real PostgreSQL of its own, with its
 * data in {@code <exotrace.data.dir>/postgres} (default {@code ./data}), asking every role for its password, hands its URL to the
 * application as {@code exotrace.db.url} with a role that owns nothing ({@link EmbeddedRoles}, docs/adr/0027), and stops
 * it when the JVM ends. It boots Payara Micro with the WAR that lies
 * beside this jar while the database starts; the application's first connection waits for it ({@link #EMBEDDED_DB_STARTING}).
 * See docs/adr/0001 (the embedded database), docs/adr/0011 (stopping and crashing: a stale postmaster, the drain on
 * SIGTERM, PostgreSQL stopped last) and docs/adr/0024 (the database started alongside Payara Micro's boot).
 */
public final class Launcher {

    private static final Logger LOG = Logger.getLogger(Launcher.class.getName());
    static final int DEFAULT_EMBEDDED_PORT = 5433;
    static final String DEFAULT_DRAIN_TIMEOUT = "PT20S";
    private static final Duration PAYARA_STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String STOP_POSTGRES = "exotrace-embedded-postgres-stop";
    /** The application's name in Payara Micro: the WAR's file name. */
    private static final String APPLICATION = "exotrace";

    /**
     * {@code "true"} as a system property while the launcher starts the embedded PostgreSQL, cleared once it is up (or
     * failed, and the JVM exits): {@code org.exotrace.platform.control.EmbeddedDatabase} waits for it before the
     * application's first connection. A system property because the WAR's classes cannot see the launcher's.
     */
    public static final String EMBEDDED_DB_STARTING = "exotrace.embedded-db.starting";

    private Launcher() {
    }

    /** JSON-P 2.1's switch for naming the provider instead of finding it by ServiceLoader. */
    private static final String JSON_PROVIDER = "jakarta.json.provider";

    /** Hazelcast's switch for its start-up report to hazelcast.com. */
    private static final String PHONE_HOME = "hazelcast.phone.home.enabled";

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(setting("exotrace.data.dir").orElse("data")).toAbsolutePath().normalize();
        if (args.length > 0 && (args[0].equals("--backup") || args[0].equals("--restore"))) {
            if (Files.isDirectory(dataDir)) {
                restrictToOwner(dataDir);
            }
            System.exit(backupCommand(args, dataDir));
        }
        if (args.length > 0 && args[0].equals("--verify-audit")) {
            System.exit(VerifyAudit.command(args, dataDir));
        }
        Path home = jarDirectory();
        Path war = home.resolve("exotrace.war");
        if (!Files.isRegularFile(war)) {
            System.err.println("ExoTrace: " + war + " not found; build it first with 'mvn package'.");
            System.exit(2);
        }
        Files.createDirectories(dataDir);
        restrictToOwner(dataDir);
        System.setProperty("exotrace.data.dir", dataDir.toString());
        // Every Json.createReader/createObjectBuilder (Payara's MP-JWT parses each request's token with them) otherwise
        // looks the JSON-P provider up with a ServiceLoader scan of the class path: 14 % of a scan's CPU (JFR, bench/run).
        System.setProperty(JSON_PROVIDER, System.getProperty(JSON_PROVIDER, "org.eclipse.parsson.JsonProviderImpl"));
        // Hazelcast is off (payara-config/pre-boot-commands.asadmin, docs/adr/0025); should an operator turn it on, it would
        // otherwise gather and send a report about this machine at every start, to a network a clinic closes.
        System.setProperty(PHONE_HOME, System.getProperty(PHONE_HOME, "false"));

        CompletableFuture<PostmasterWatch> postgres = setting("exotrace.db.url").isEmpty() ? startEmbeddedDatabase(dataDir) : null;
        GracefulShutdown.onSignals(Duration.parse(setting("exotrace.shutdown.drain-timeout").orElse(DEFAULT_DRAIN_TIMEOUT)));

        List<String> payaraArgs = new ArrayList<>(List.of("--deploy", war.toString(), "--contextroot", "/", "--nocluster"));
        for (String stage : List.of("pre", "post")) {
            Path commands = home.resolve("payara-config").resolve(stage + "-boot-commands.asadmin");
            if (Files.isRegularFile(commands)) {
                payaraArgs.addAll(List.of("--" + stage + "bootcommandfile", commands.toString()));
            }
        }
        payaraArgs.addAll(tls());
        payaraArgs.addAll(List.of(args));
        if (!payaraArgs.contains("--port")) {
            payaraArgs.addAll(List.of("--port", "8080"));
        }
        Class<?> payara = Class.forName("fish.payara.micro.PayaraMicro");
        Method main = payara.getMethod("main", String[].class);
        AtomicReference<List<Thread>> payaraHooks = new AtomicReference<>(List.of());
        if (postgres != null) {
            stopAfter(payaraHooks, postgres);
        }
        main.invoke(null, (Object) payaraArgs.toArray(String[]::new));
        payaraHooks.set(GracefulShutdown.hooks().stream().filter(h -> !h.getName().equals(STOP_POSTGRES)).toList());
        int port = Integer.parseInt(payaraArgs.get(payaraArgs.lastIndexOf("--port") + 1));
        if (!ListenerCheck.answers(port)) {
            LOG.severe(() -> "Payara Micro booted, but its HTTP listener on port " + port + " answers nothing (a Payara Micro"
                    + " start-up fault, seen as 'GrizzlyProxy is NULL' above): exiting with status 3 so that the service is started again");
            System.exit(3);
        }
        if (!deployed(payara)) {
            LOG.severe(() -> "Payara Micro booted, but the application did not deploy (the reason is logged above; a database"
                    + " that cannot be reached at start is one): exiting with status 4 so that the service is started again");
            System.exit(4);
        }
    }

    /**
     * Whether Payara Micro deployed the WAR. When it did not (its database could not be reached when Payara made the
     * persistence unit's first entity manager, say), Payara Micro runs on answering 503 "No Application deployed" and never
     * recovers; exiting lets a supervisor start the service again, as after a deaf start.
     */
    private static boolean deployed(Class<?> payara) {
        try {
            Object micro = payara.getMethod("getInstance").invoke(null);
            Object runtime = payara.getMethod("getRuntime").invoke(micro);
            Method names = Class.forName("fish.payara.micro.PayaraMicroRuntime", true, payara.getClassLoader())
                    .getMethod("getDeployedApplicationNames");
            return ((Collection<?>) names.invoke(runtime)).contains(APPLICATION);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning("cannot tell whether the application deployed: " + e);
            return true;
        }
    }

    /**
     * Stops the embedded PostgreSQL when the JVM ends, but only after {@code payaraHooks} (Payara Micro's own shutdown
     * hooks, known once it booted) have finished, so no request or undeployment loses its database midway.
     */
    private static void stopAfter(AtomicReference<List<Thread>> payaraHooks, CompletableFuture<PostmasterWatch> starting) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            PostmasterWatch postgres;
            try {
                // stopped while the database was still starting: it is up (or has failed) within zonky's start timeout
                postgres = starting.get(PAYARA_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return; // it did not start (the failure was logged), or is still starting: the next start stops it (ADR 0011)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            postgres.stopWatching();
            long deadline = System.nanoTime() + PAYARA_STOP_TIMEOUT.toNanos();
            for (Thread hook : payaraHooks.get()) {
                try {
                    hook.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                postgres.close();
                LOG.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }, STOP_POSTGRES));
    }

    /**
     * Sets {@code exotrace.db.*} for the embedded database at once (its port is known) and starts it on a thread of its
     * own, so that Payara Micro boots meanwhile (docs/adr/0024). If it cannot start, the launcher logs why and exits
     * with status 1, as it did when the database was started first.
     */
    private static CompletableFuture<PostmasterWatch> startEmbeddedDatabase(Path dataDir) {
        int port = setting("exotrace.embedded-db.port").map(Integer::parseInt).orElse(DEFAULT_EMBEDDED_PORT);
        Path pgData = dataDir.resolve("postgres");
        EmbeddedRoles roles;
        try {
            roles = EmbeddedRoles.of(pgData);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded database's passwords in " + pgData, e);
        }
        System.setProperty("exotrace.db.url", "jdbc:postgresql://localhost:" + port + "/" + EmbeddedRoles.DATABASE);
        System.setProperty("exotrace.db.user", EmbeddedRoles.APP);
        System.setProperty("exotrace.db.password", roles.password(EmbeddedRoles.APP));
        System.setProperty("exotrace.db.owner-user", EmbeddedRoles.OWNER);
        System.setProperty("exotrace.db.owner-password", roles.password(EmbeddedRoles.OWNER));
        System.setProperty("exotrace.db.embedded", "true");
        System.setProperty(EMBEDDED_DB_STARTING, "true");
        CompletableFuture<PostmasterWatch> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                started.complete(startEmbeddedDatabase(dataDir, pgData, port, roles));
                System.clearProperty(EMBEDDED_DB_STARTING);
            } catch (Exception | Error e) {
                started.completeExceptionally(e);
                System.clearProperty(EMBEDDED_DB_STARTING);
                LOG.log(Level.SEVERE, "The embedded PostgreSQL on port " + port + " with data in " + pgData
                        + " did not start: exiting with status 1", e);
                System.exit(1);
            }
        }, "exotrace-embedded-postgres-start");
        thread.start();
        return started;
    }

    /** Starts the embedded database, its watch, and brings it to its roles (docs/adr/0027) before anyone else connects. */
    static PostmasterWatch startEmbeddedDatabase(Path dataDir, Path pgData, int port, EmbeddedRoles roles)
            throws IOException, SQLException, InterruptedException {
        long started = System.nanoTime();
        StalePostmaster.stopIfRunning(pgData);
        PostmasterWatch watch = PostmasterWatch.start(pgData, () -> startPostgres(dataDir, pgData, port, roles));
        try {
            roles.secure(watch.current());
        } catch (IOException | SQLException | RuntimeException e) {
            watch.close();
            throw e;
        }
        LOG.info(() -> String.format("Embedded PostgreSQL up on port %d with data in %s (%d ms)",
                port, pgData, (System.nanoTime() - started) / 1_000_000));
        return watch;
    }

    private static EmbeddedPostgres startPostgres(Path dataDir, Path pgData, int port, EmbeddedRoles roles) throws IOException {
        // zonky's defaults trade durability for speed (fsync off by -F, synchronous_commit off): a clinic's doses are kept
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        roles.configure(builder);
        EmbeddedPostgres postgres = builder
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toFile())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // an online backup (--backup) copies the WAL written while it ran: keep enough of it past a checkpoint
                .setServerConfig("wal_keep_size", "512MB")
                // no Unix socket (zonky's build puts a world-writable one in /tmp): TCP on the loopback, with passwords
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("listen_addresses", "localhost")
                .setPort(port)
                .start();
        // zonky stops it from a shutdown hook of its own, at the same time as Payara Micro stops: the launcher's comes last
        GracefulShutdown.hooks().stream().filter(h -> h.getName().matches("postgres-.*-closer"))
                .forEach(Runtime.getRuntime()::removeShutdownHook);
        return postgres;
    }

    /**
     * Lets only the service's own user enter the data directory: it holds the patients' doses (the embedded database and
     * {@code backups/}) and the token-signing key, and zonky leaves the PostgreSQL binaries' directory in it
     * ({@code postgres-bin}) writable by every user, as it does for a shared {@code /tmp}. A data directory the service
     * cannot change (owned by another user) is left as it is, with a warning; so is one on a file system without POSIX
     * permissions.
     */
    static void restrictToOwner(Path dataDir) {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(dataDir);
            if (!now.equals(ownerOnly)) {
                Files.setPosixFilePermissions(dataDir, ownerOnly);
                LOG.info(() -> "Data directory " + dataDir + " made private to its owner (was " + PosixFilePermissions.toString(now) + ")");
            }
        } catch (UnsupportedOperationException e) {
            LOG.fine(() -> dataDir + " is not on a POSIX file system: its permissions are left to the operator");
        } catch (IOException e) {
            LOG.warning(() -> "Cannot make the data directory " + dataDir + " private to its owner (" + e
                    + "): any local user may read the database and its backups in it");
        }
    }

    /**
     * {@code --backup [FILE]} (default {@code <data>/backups/exotrace-<UTC time>.zip}) and {@code --restore FILE} of the
     * embedded database ({@link Backup}, docs/adr/0017); answers the exit status.
     */
    static int backupCommand(String[] args, Path dataDir) {
        if (setting("exotrace.db.url").isPresent()) {
            System.err.println("ExoTrace: exotrace.db.url names a PostgreSQL of your own: back it up with pg_dump or pg_basebackup"
                    + " (README, Backups)");
            return 2;
        }
        Path pgData = dataDir.resolve("postgres");
        try {
            if (args[0].equals("--backup")) {
                Path target = args.length > 1 ? Path.of(args[1]).toAbsolutePath() : Backup.defaultTarget(dataDir);
                Properties manifest = Backup.write(pgData, target);
                System.out.println("ExoTrace: backup of " + pgData + " written to " + target);
                manifest.forEach((key, value) -> System.out.println("  " + key + "=" + value));
                return 0;
            }
            if (args.length < 2) {
                System.err.println("ExoTrace: --restore needs the backup file: java -jar exotrace.jar --restore FILE");
                return 2;
            }
            Properties manifest = Backup.restore(Path.of(args[1]), pgData);
            System.out.println("ExoTrace: " + args[1] + " restored into " + pgData
                    + "; the next start replays its WAL. It was written " + manifest.getProperty("written"));
            manifest.forEach((key, value) -> System.out.println("  " + key + "=" + value));
            return 0;
        } catch (IllegalStateException | IOException | SQLException e) {
            System.err.println("ExoTrace: " + (args[0].equals("--backup") ? "backup" : "restore") + " failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * HTTPS from configuration: with {@code exotrace.tls.port} set, Payara Micro also listens there with the
     * key and certificate {@code exotrace.tls.key-alias} (default {@code exotrace}) of the keystore
     * {@code exotrace.tls.keystore} (PKCS#12 or JKS), opened with {@code exotrace.tls.keystore-password}.
     * Payara Micro reads its keystore from the JVM's {@code javax.net.ssl.keyStore} properties.
     */
    static List<String> tls() {
        Optional<String> port = setting("exotrace.tls.port");
        if (port.isEmpty()) {
            return List.of();
        }
        String keystore = setting("exotrace.tls.keystore").orElseThrow(
                () -> new IllegalStateException("exotrace.tls.port is set but exotrace.tls.keystore is not"));
        if (!Files.isReadable(Path.of(keystore))) {
            throw new IllegalStateException("exotrace.tls.keystore " + keystore + " cannot be read");
        }
        System.setProperty("javax.net.ssl.keyStore", Path.of(keystore).toAbsolutePath().toString());
        System.setProperty("javax.net.ssl.keyStorePassword", setting("exotrace.tls.keystore-password").orElseThrow(
                () -> new IllegalStateException("exotrace.tls.port is set but exotrace.tls.keystore-password is not")));
        return List.of("--sslport", port.get(), "--sslcert", setting("exotrace.tls.key-alias").orElse("exotrace"));
    }

    /** A setting as a system property, else as its environment variable (MicroProfile Config's mapping). */
    static Optional<String> setting(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static Path jarDirectory() throws URISyntaxException {
        Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isDirectory(location) ? location : location.getParent();
    }
}
