package org.exotrace.testing;

import org.exotrace.launcher.EmbeddedRoles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The service as it ships: {@code java -jar target/exotrace.jar} started as a process of its own, on its embedded
 * PostgreSQL in a data directory of the test, on free ports. For system tests that kill, stop and restart it.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Path dataDir;
    private final int httpPort;
    private final Database database;
    private final Path log;
    private final Process process;

    private ServiceProcess(Path dataDir, int httpPort, Database database, Path log, Process process) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.database = database;
        this.log = log;
        this.process = process;
    }

    /** Where a service keeps its data: a JDBC URL with its user and password. */
    public record Database(String url, String user, String password) {

        /**
         * The embedded database on {@code port}, as its superuser; no password yet: the launcher makes it at its first start
         * and keeps it in the data directory, where {@link ServiceProcess#database()} reads it (docs/adr/0027).
         */
        static Database embeddedOn(int port) {
            return new Database("jdbc:postgresql://localhost:" + port + "/" + EmbeddedRoles.DATABASE, EmbeddedRoles.SUPERUSER, null);
        }

        /**
         * A new, empty database on the integration tests' PostgreSQL server ({@link TestDatabase}), for services that run
         * on a database of their own rather than an embedded one.
         */
        public static Database fresh() throws SQLException {
            String url = System.getProperty("exotrace.it.db.url");
            String user = System.getProperty("exotrace.it.db.user");
            String password = System.getProperty("exotrace.it.db.password");
            String name = "exotrace_sp_" + Api.unique().toLowerCase().replaceAll("[^a-z0-9]", "");
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.createStatement().execute("CREATE DATABASE " + name);
            }
            return new Database(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), user, password);
        }

        public String host() {
            return URI.create(url.substring("jdbc:".length())).getHost();
        }

        public int port() {
            int port = URI.create(url.substring("jdbc:".length())).getPort();
            return port < 0 ? 5432 : port;
        }

        /** The same database reached through another host and port, e.g. a {@link TcpProxy}. */
        public Database via(String host, int port) {
            return new Database(url.replaceFirst("//[^/]+/", "//" + host + ":" + port + "/"), user, password);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "connectTimeout=5", user, password);
        }
    }

    /** What Payara Micro logs when it boots with an HTTP listener that serves nothing. */
    private static final String DEAF_LISTENER = "GrizzlyProxy is NULL";

    private static ServiceProcess launch(List<String> command, Path dataDir, int httpPort, Database database) throws IOException {
        Path log = Files.createTempFile(dataDir, "service-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("EXOTRACE_BOOTSTRAP_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        builder.environment().remove("EXOTRACE_DB_URL");
        return new ServiceProcess(dataDir, httpPort, database, log, builder.start());
    }

    /**
     * Starts the launcher on {@code dataDir} with its embedded PostgreSQL on {@code dbPort} and waits until
     * {@code /health/ready} answers 200. {@code options} are JVM options ({@code -Dkey=value}), or launcher options after
     * {@code --}.
     */
    public static ServiceProcess start(Path dataDir, int httpPort, int dbPort, String... options) {
        return launch(dataDir, httpPort, dbPort, options).ready();
    }

    /** Starts the launcher on {@code dataDir} with {@code database} as its production database, and waits until ready. */
    public static ServiceProcess startOn(Database database, Path dataDir, int httpPort, String... options) {
        return launchOn(database, dataDir, httpPort, options).ready();
    }

    /** As {@link #start}, without waiting: {@link Starting#ready()} waits, so that a test can do other work meanwhile. */
    public static Starting launch(Path dataDir, int httpPort, int dbPort, String... options) {
        List<String> jvm = new ArrayList<>(List.of("-Dexotrace.embedded-db.port=" + dbPort));
        return new Starting(command(dataDir, httpPort, jvm, options), dataDir, httpPort, Database.embeddedOn(dbPort));
    }

    /** As {@link #startOn}, without waiting: {@link Starting#ready()} waits, so that a test can do other work meanwhile. */
    public static Starting launchOn(Database database, Path dataDir, int httpPort, String... options) {
        List<String> jvm = new ArrayList<>(List.of("-Dexotrace.db.url=" + database.url(), "-Dexotrace.db.user=" + database.user(),
                "-Dexotrace.db.password=" + database.password()));
        return new Starting(command(dataDir, httpPort, jvm, options), dataDir, httpPort, database);
    }

    private static List<String> command(Path dataDir, int httpPort, List<String> jvm, String... options) {
        Path jar = Path.of(System.getProperty("exotrace.test.war")).resolveSibling("exotrace.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dexotrace.data.dir=" + dataDir, "-Dexotrace.demo-data=false",
                // Password hashes at 1 000 iterations, as on the ITs' server: at 600 000 on a C1-only JVM each of the
                // three hashes of a user's creation and first sign-in costs seconds, and these tests create a dozen users.
                "-Dexotrace.password.iterations=1000"));
        command.addAll(jvm);
        List<String> launcherOptions = new ArrayList<>();
        boolean afterDashes = false;
        for (String option : options) {
            if (option.equals("--")) {
                afterDashes = true;
            } else if (afterDashes) {
                launcherOptions.add(option);
            } else {
                command.add(option);
            }
        }
        command.addAll(List.of("-jar", jar.toString(), "--port", String.valueOf(httpPort)));
        command.addAll(launcherOptions);
        return command;
    }

    /**
     * A launched service not yet known to be ready. {@link #ready()} waits for it; {@link #close()} ends it whatever its
     * state, so a test that fails before it waited leaves no process running.
     */
    public static final class Starting implements AutoCloseable {

        private final List<String> command;
        private final Path dataDir;
        private final int httpPort;
        private final Database database;
        private ServiceProcess service;

        private Starting(List<String> command, Path dataDir, int httpPort, Database database) {
            this.command = command;
            this.dataDir = dataDir;
            this.httpPort = httpPort;
            this.database = database;
            this.service = attempt();
        }

        private ServiceProcess attempt() {
            try {
                Files.createDirectories(dataDir);
                return ServiceProcess.launch(command, dataDir, httpPort, database);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits until {@code /health/ready} answers 200 and returns the service; fails (and ends it) if it never does. */
        public ServiceProcess ready() {
            try {
                // Payara Micro 6.2025.10 sometimes booted "ready" with its HTTP listener serving nothing (DEAF_LISTENER in its
                // log). The launcher then exits with status 3 (ListenerCheck), and a supervisor starts it again, as this does,
                // at most twice more.
                for (int attempt = 1; ; attempt++) {
                    try {
                        // 20-40 s alone; three service processes and the Arquillian server booting at once on two busy cores
                        // (ADR 0032's concurrent classes) took 95 s and more
                        service.awaitReady(Duration.ofSeconds(180));
                        return service;
                    } catch (AssertionError notReady) {
                        service.close();
                        if (attempt == 3 || !Files.readString(service.log).contains(DEAF_LISTENER)) {
                            throw notReady;
                        }
                        System.out.println("[exotrace] Payara Micro started without its HTTP listener (" + DEAF_LISTENER + "); starting again");
                        service = attempt();
                    } catch (RuntimeException e) {
                        service.close();
                        throw e;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The process as launched, not waited for: for a test of a start that must fail. */
        public ServiceProcess launched() {
            return service;
        }

        @Override
        public void close() {
            service.close();
        }
    }

    /** What a run of the launcher as a command printed, and its exit status. */
    public record Command(int exit, String output) {
    }

    /** Runs {@code java -jar exotrace.jar ARGS} on {@code dataDir} as a command (e.g. {@code --backup}), at most two minutes. */
    public static Command run(Path dataDir, String... args) {
        Path jar = Path.of(System.getProperty("exotrace.test.war")).resolveSibling("exotrace.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dexotrace.data.dir=" + dataDir, "-jar", jar.toString()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(dataDir.getParent(), "command-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().remove("EXOTRACE_DB_URL");
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("java -jar exotrace.jar " + String.join(" ", args) + " did not end within 2 minutes");
            }
            return new Command(process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URL base() {
        try {
            return URI.create("http://localhost:" + httpPort + "/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** The status of {@code /health/ready}, or -1 when nothing answers within a second. */
    public int readiness() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + httpPort + "/health/ready").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + " before it was ready; see " + log + logTail());
            }
            if (readiness() == 200) {
                return;
            }
            if (deaf()) {
                throw new AssertionError("the service booted with its HTTP listener serving nothing (" + DEAF_LISTENER + "); see " + log);
            }
            sleep(250);
        }
        throw new AssertionError("the service was not ready within " + timeout + "; see " + log + logTail());
    }

    /** Payara Micro said it was ready although its HTTP listener has no proxy: it will never answer. */
    private boolean deaf() {
        try {
            String text = Files.readString(log);
            return text.contains(DEAF_LISTENER) && text.contains("ready in");
        } catch (IOException e) {
            return false;
        }
    }

    /** The end of the service's log, for a failure message (CI keeps the build output, not the temporary directory). */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n--- last lines of the service's log ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return " (log unreadable: " + e + ")";
        }
    }

    /** The running postmaster of the embedded database, as its {@code postmaster.pid} names it. */
    public Optional<ProcessHandle> postmaster() {
        return postmaster(dataDir);
    }

    public static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pid)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pid);
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A connection to the service's database, to look underneath the API. */
    public Connection database() throws SQLException {
        if (database.password() == null) {
            try {
                String password = EmbeddedRoles.of(dataDir.resolve("postgres")).password(EmbeddedRoles.SUPERUSER);
                return new Database(database.url(), database.user(), password).connect();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database.connect();
    }

    /** Waits for the process to end; its exit code, or fails after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the service did not exit within " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the service whatever its state, then a postmaster it left behind: a test never leaves a process running. */
    @Override
    public void close() {
        stop(process.toHandle());
        postmaster().ifPresent(ServiceProcess::stop);
    }

    private static void stop(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception timeout) {
            handle.destroyForcibly();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
