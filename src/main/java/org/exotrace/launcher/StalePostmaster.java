package org.exotrace.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The embedded PostgreSQL runs detached from the JVM that started it (pg_ctl starts it), so a JVM killed with
 * SIGKILL leaves it running on the data directory. Started again, the launcher stops that postmaster cleanly (SIGTERM,
 * PostgreSQL's smart shutdown, with a checkpoint) before it starts its own: otherwise the new pg_ctl fails on the lock
 * file, and zonky, which does not check that, hands the service the old server, started by a run that is gone, with
 * that run's settings and port.
 */
final class StalePostmaster {

    private static final Logger LOG = Logger.getLogger(StalePostmaster.class.getName());
    private static final long STOP_SECONDS = 60;

    private StalePostmaster() {
    }

    static void stopIfRunning(Path pgData) throws IOException, InterruptedException {
        Optional<ProcessHandle> running = of(pgData);
        if (running.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = running.get();
        LOG.warning(() -> "A PostgreSQL (pid " + postmaster.pid() + ") left behind by an earlier run still serves " + pgData
                + ": stopping it before starting again");
        postmaster.destroy(); // SIGTERM: a smart shutdown, which ends at once when, as here, its clients died with their JVM
        if (!ended(postmaster)) {
            throw new IllegalStateException("the PostgreSQL (pid " + postmaster.pid() + ") running on " + pgData + " did not stop within "
                    + STOP_SECONDS + " s (a client still connected?); stop it and start again");
        }
        LOG.info(() -> "stopped the PostgreSQL left behind (pid " + postmaster.pid() + ")");
    }

    private static boolean ended(ProcessHandle postmaster) throws InterruptedException {
        try {
            postmaster.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return !postmaster.isAlive();
        }
    }

    /**
     * The live postmaster named by {@code postmaster.pid}: only a process whose program is {@code postgres} (after a
     * reboot the pid may belong to anything else, which is left alone and PostgreSQL itself then refuses).
     */
    static Optional<ProcessHandle> of(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false));
    }
}
