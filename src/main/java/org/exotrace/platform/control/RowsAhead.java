package org.exotrace.platform.control;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rows read ahead (ADR 0020): on a connection of their own, in a task of {@code executor}, in a snapshot that another
 * transaction exported ({@link #exportSnapshot}), handed to the thread that writes them through a bounded queue in
 * batches of {@link #BATCH} (so at most {@link #AHEAD} rows are held; row by row, the writer, faster than the reader,
 * was woken for every row). If the task has not started within 100 ms of the rows being wanted (the executor busy),
 * was refused, or failed before its first row (no free connection, say), {@link #handOver} says so, a warning is
 * logged (an operator would otherwise see only slower answers) and the caller reads them itself, in the exporting
 * transaction. Closing it stops the task (the caller failed, or its client went away) and waits for it to give its
 * connection back.
 *
 * @param <T> one row
 */
public final class RowsAhead<T> implements AutoCloseable {

    /** Takes one row of a streamed read; may fail when the client has gone. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(T row) throws IOException;
    }

    /** Reads the rows on a connection whose transaction is in the exported snapshot. */
    @FunctionalInterface
    public interface Rows<T> {
        void read(Connection c, Sink<T> sink) throws SQLException, IOException;
    }

    private static final int BATCH = 256;
    private static final int AHEAD = 4_096;
    /** How long {@link #handOver} waits for a task that has not started (the executor busy) before reading itself. */
    private static final long STARTING = 100;
    private static final Object END = new Object();
    private static final Logger LOG = Logger.getLogger(RowsAhead.class.getName());

    /** Batches of rows ({@code List}), then {@code END} or the failure. */
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD / BATCH);
    /** The rows read and not yet handed over (the task's only). */
    private List<Object> batch = new ArrayList<>(BATCH);
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Future<?> task;
    private final boolean refused;
    private volatile boolean stopped;

    /** Exports the snapshot of {@code c}'s transaction (repeatable read), for {@link RowsAhead} to import. */
    public static String exportSnapshot(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_export_snapshot()"); ResultSet r = st.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    public RowsAhead(ExecutorService executor, DataSource dataSource, String snapshotId, Rows<T> rows) {
        Future<?> submitted;
        boolean rejected = false;
        try {
            submitted = executor.submit(() -> read(dataSource, snapshotId, rows));
        } catch (RejectedExecutionException e) {
            submitted = CompletableFuture.completedFuture(null); // never started: the caller reads the rows itself
            rejected = true;
        }
        this.task = submitted;
        this.refused = rejected;
    }

    private void read(DataSource dataSource, String snapshotId, Rows<T> rows) {
        if (!claimed.compareAndSet(false, true)) {
            return;
        }
        started.countDown();
        Object last = END;
        try {
            ReadOnlyReads.run(dataSource, Connection.TRANSACTION_REPEATABLE_READ, c -> {
                try (PreparedStatement st = c.prepareStatement("SET TRANSACTION SNAPSHOT '" + snapshotId.replace("'", "") + "'")) {
                    st.execute();
                }
                rows.read(c, this::add);
            });
        } catch (SQLException | IOException | RuntimeException e) {
            last = e;
        }
        try {
            if (!batch.isEmpty()) {
                put(batch); // before a failure too: the caller reads itself only when no row was handed over
            }
            put(last);
        } catch (IOException e) {
            // Stopped: nobody reads the end any more.
        }
    }

    private void add(T row) throws IOException {
        batch.add(row);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits for room in the queue as long as the caller reads; fails once it has stopped. */
    private void put(Object row) throws IOException {
        try {
            while (!queue.offer(row, 100, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new IOException("the reader stopped taking these rows");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while handing over rows", e);
        }
    }

    /**
     * Hands the rows to {@code sink} as they arrive.
     *
     * @return false when the caller is to read the rows itself (none were handed over)
     * @throws SQLException when reading failed after some rows were handed over
     */
    @SuppressWarnings("unchecked")
    public boolean handOver(Sink<T> sink) throws IOException, SQLException {
        try {
            if (refused && claimed.compareAndSet(false, true)) {
                LOG.warning("rows not read ahead: the executor refused the task; the answer's own connection reads them");
                return false;
            }
            if (!started.await(STARTING, TimeUnit.MILLISECONDS) && claimed.compareAndSet(false, true)) {
                LOG.warning(() -> "rows not read ahead: the executor had not started the task within " + STARTING
                        + " ms; the answer's own connection reads them");
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for rows", e);
        }
        boolean handed = false;
        while (true) {
            Object next;
            try {
                next = queue.poll(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for rows", e);
            }
            if (next == END) {
                return true;
            } else if (next == null) {
                throw new IOException("no rows for 60 s");
            } else if (next instanceof Exception failure) {
                if (!handed) {
                    LOG.log(Level.WARNING, "rows not read ahead: the task failed before its first row; the answer's own connection reads them",
                            failure);
                    return false;
                } else if (failure instanceof SQLException e) {
                    throw e;
                } else if (failure instanceof RuntimeException e) {
                    throw e;
                }
                throw (IOException) failure;
            }
            for (Object row : (List<Object>) next) {
                sink.accept((T) row);
            }
            handed = true;
        }
    }

    @Override
    public void close() {
        stopped = true;
        if (!claimed.compareAndSet(false, true)) {
            queue.clear();
            try {
                task.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // The task reports its own failure through the queue; nothing waits for it any more.
            }
        }
    }
}
