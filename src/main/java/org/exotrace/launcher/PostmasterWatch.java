package org.exotrace.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the embedded PostgreSQL running while the service runs (docs/adr/0011). The postmaster is a process of its own:
 * killed ({@code kill -9}, the OOM killer) or stopped by someone else, nothing would start it again and the service
 * would answer 503 until an operator restarted the whole launcher. The watch looks at it every half second and, when
 * it is gone, starts it again on the same data directory and port; PostgreSQL's crash recovery replays its WAL, so
 * every committed transaction is there. The pool's connection validation then heals the service without a restart.
 */
final class PostmasterWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostmasterWatch.class.getName());
    private static final Duration PERIOD = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** How to start the database once more, as at boot. */
    interface Starter {
        EmbeddedPostgres start() throws IOException;
    }

    private final Path pgData;
    private final Starter starter;
    private volatile EmbeddedPostgres current;
    private volatile boolean watching = true;

    private PostmasterWatch(Path pgData, Starter starter, EmbeddedPostgres first) {
        this.pgData = pgData;
        this.starter = starter;
        this.current = first;
    }

    /** Starts the database and the watch over it. */
    static PostmasterWatch start(Path pgData, Starter starter) throws IOException {
        PostmasterWatch watch = new PostmasterWatch(pgData, starter, starter.start());
        Thread thread = new Thread(watch::watch, "exotrace-postmaster-watch");
        thread.setDaemon(true);
        thread.start();
        return watch;
    }

    EmbeddedPostgres current() {
        return current;
    }

    /** The JVM is stopping: the database stops on purpose now and must stay stopped. */
    void stopWatching() {
        watching = false;
    }

    private void watch() {
        Duration backoff = PERIOD;
        while (watching) {
            sleep(PERIOD);
            if (!watching || running()) {
                backoff = PERIOD;
                continue;
            }
            LOG.severe(() -> "The embedded PostgreSQL on " + pgData + " is gone (killed or stopped from outside): starting it again");
            try {
                StalePostmaster.stopIfRunning(pgData);
                // zonky's lock on the data directory is held by the dead server's instance until it is closed (its own
                // pg_ctl stop then fails, and is only logged)
                current.close();
                long began = System.nanoTime();
                EmbeddedPostgres restarted = starter.start();
                if (!watching) {
                    restarted.close();
                    return;
                }
                current = restarted;
                backoff = PERIOD;
                LOG.warning(() -> "The embedded PostgreSQL is running again after crash recovery ("
                        + (System.nanoTime() - began) / 1_000_000 + " ms)");
            } catch (IOException | RuntimeException e) {
                // its orphaned server processes may still hold the shared memory for a moment: try again, less and less often
                Duration wait = backoff;
                LOG.log(Level.WARNING, "The embedded PostgreSQL did not start again; next try in " + wait, e);
                sleep(wait);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean running() {
        try {
            Optional<ProcessHandle> postmaster = StalePostmaster.of(pgData);
            return postmaster.isPresent();
        } catch (IOException e) {
            return true; // cannot tell: leave it alone
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        watching = false;
        current.close();
    }
}
