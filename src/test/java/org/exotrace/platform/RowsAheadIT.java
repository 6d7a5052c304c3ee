package org.exotrace.platform;

import org.exotrace.platform.control.RowsAhead;
import org.exotrace.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forward trace's read-ahead (ADR 0020) against PostgreSQL, without a server: rows come from the exported
 * snapshot and in order, the caller is told to read them itself when the task could not, a failure after some rows
 * reaches the caller, and a caller that stops stops the task.
 */
class RowsAheadIT {

    private final String table = "rows_ahead_it_" + System.nanoTime();
    private PGSimpleDataSource dataSource;
    private ExecutorService executor;
    private Connection exporter;
    /** What RowsAhead warned of during the test: an operator's only sign that traces were not read ahead. */
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger(RowsAhead.class.getName());
    private final Handler warned = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel() == Level.WARNING) {
                warnings.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void tableOfTenThousandRowsAndAnExportedSnapshot() throws SQLException {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(System.getProperty("exotrace.it.db.url"));
        dataSource.setUser(System.getProperty("exotrace.it.db.user"));
        dataSource.setPassword(System.getProperty("exotrace.it.db.password"));
        executor = Executors.newFixedThreadPool(2);
        log.addHandler(warned);
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (n int PRIMARY KEY)");
            st.execute("INSERT INTO " + table + " SELECT generate_series(1, 10000)");
        }
        exporter = TestDatabase.connect();
        exporter.setAutoCommit(false);
        exporter.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }

    @AfterEach
    void dropTheTable() throws SQLException, InterruptedException {
        log.removeHandler(warned);
        exporter.rollback();
        exporter.close();
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE " + table);
        }
    }

    @Test
    void handsOverTheRowsOfTheExportedSnapshotInOrderAndNoneCommittedSince() throws Exception {
        String snapshot = RowsAhead.exportSnapshot(exporter);
        try (Connection other = TestDatabase.connect(); Statement st = other.createStatement()) {
            st.execute("INSERT INTO " + table + " VALUES (10001)"); // committed after the export
        }
        List<Integer> rows = new ArrayList<>();
        try (RowsAhead<Integer> ahead = new RowsAhead<>(executor, dataSource, snapshot, this::numbers)) {
            assertTrue(ahead.handOver(rows::add));
        }
        assertEquals(IntStream.rangeClosed(1, 10_000).boxed().toList(), rows);
        assertEquals(List.of(), warnings);
    }

    @Test
    void whenTheExecutorRefusesTheTaskTheCallerReadsTheRowsItself() throws Exception {
        String snapshot = RowsAhead.exportSnapshot(exporter);
        executor.shutdown();
        try (RowsAhead<Integer> ahead = new RowsAhead<>(executor, dataSource, snapshot, this::numbers)) {
            assertNothingHandedOver(ahead);
        }
        assertOneWarning("the executor refused the task");
    }

    @Test
    void whenTheExecutorIsBusyTheCallerReadsTheRowsItselfAndTheLateTaskReadsNothing() throws Exception {
        String snapshot = RowsAhead.exportSnapshot(exporter);
        CountDownLatch busy = new CountDownLatch(1);
        for (int thread = 0; thread < 2; thread++) { // both threads of the pool taken
            executor.submit(() -> {
                busy.await();
                return null;
            });
        }
        List<Integer> read = new CopyOnWriteArrayList<>();
        try (RowsAhead<Integer> ahead = new RowsAhead<>(executor, dataSource, snapshot, (c, sink) -> {
            read.add(1);
            numbers(c, sink);
        })) {
            assertNothingHandedOver(ahead);
            busy.countDown();
        }
        executor.shutdown();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "the late task has run");
        assertEquals(List.of(), read, "the task, started late, found the rows claimed and read nothing");
        assertOneWarning("had not started");
    }

    @Test
    void whenTheTaskGetsNoConnectionTheCallerReadsTheRowsItself() throws Exception {
        String snapshot = RowsAhead.exportSnapshot(exporter);
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");
        nowhere.setConnectTimeout(2);
        try (RowsAhead<Integer> ahead = new RowsAhead<>(executor, nowhere, snapshot, this::numbers)) {
            assertNothingHandedOver(ahead);
        }
        assertOneWarning("the task failed before its first row");
    }

    @Test
    void aFailureAfterSomeRowsReachesTheCaller() throws Exception {
        String snapshot = RowsAhead.exportSnapshot(exporter);
        List<Integer> rows = new ArrayList<>();
        try (RowsAhead<Integer> ahead = new RowsAhead<>(executor, dataSource, snapshot,
                (c, sink) -> select(c, "SELECT n, 1 / (5000 - n) FROM " + table + " ORDER BY n", sink))) {
            SQLException failure = assertThrows(SQLException.class, () -> ahead.handOver(rows::add));
            assertEquals("22012", failure.getSQLState(), "division by zero at row 5000");
        }
        assertFalse(rows.isEmpty());
        assertTrue(rows.size() < 5000, "rows before the failing one, in fetches: " + rows.size());
    }

    @Test
    void aCallerThatStopsStopsTheTaskAndItsConnectionIsGivenBack() throws Exception {
        String snapshot = RowsAhead.exportSnapshot(exporter);
        try (RowsAhead<Integer> ahead = new RowsAhead<>(executor, dataSource, snapshot,
                (c, sink) -> select(c, "SELECT n FROM generate_series(1, 1000000) n", sink))) {
            assertThrows(IOException.class, () -> ahead.handOver(row -> {
                if (row == 10) {
                    throw new IOException("the client went away");
                }
            }));
        }
        executor.shutdown();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "the task ended when the caller closed");
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%generate_series(1, 1000000)%'"
                     + " AND pid <> pg_backend_pid() AND state <> 'idle'")) {
            r.next();
            assertEquals(0, r.getInt(1), "no statement of the task still running");
        }
    }

    /** The caller is told to read the rows itself, and no row reached it. */
    private static void assertNothingHandedOver(RowsAhead<Integer> ahead) throws IOException, SQLException {
        assertFalse(ahead.handOver(row -> {
            throw new AssertionError("no row was read ahead");
        }));
    }

    /** What an operator sees: one warning that the rows were not read ahead, saying why. */
    private void assertOneWarning(String why) {
        assertEquals(1, warnings.size(), "one warning: " + warnings);
        assertTrue(warnings.get(0).startsWith("rows not read ahead") && warnings.get(0).contains(why), warnings.get(0));
    }

    private void numbers(Connection c, RowsAhead.Sink<Integer> sink) throws SQLException, IOException {
        select(c, "SELECT n FROM " + table + " ORDER BY n", sink);
    }

    private static void select(Connection c, String sql, RowsAhead.Sink<Integer> sink) throws SQLException, IOException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setFetchSize(500);
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    sink.accept(r.getInt(1));
                }
            }
        }
    }
}
