package org.exotrace.platform.control;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Streamed reads over plain JDBC. PostgreSQL's driver fetches by cursor (a fetch size) only with auto-commit off, so
 * outside a JTA transaction (a streamed answer is written after its resource method returned) the work runs in a
 * read-only transaction of its own, at the isolation asked for, that is rolled back, with the connection's settings
 * restored, whatever happens, also when the work fails because the client went away. Inside a JTA transaction the
 * connection is the transaction's and is left as it is.
 */
public final class ReadOnlyReads {

    /** Reads on the connection. */
    @FunctionalInterface
    public interface Work {
        void run(Connection c) throws SQLException, IOException;
    }

    private ReadOnlyReads() {
    }

    public static void run(DataSource dataSource, int isolation, Work work) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                work.run(c);
                return;
            }
            int was = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            if (isolation != was) {
                c.setTransactionIsolation(isolation);
            }
            try {
                work.run(c);
            } finally {
                c.rollback();
                if (isolation != was) {
                    c.setTransactionIsolation(was);
                }
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        }
    }
}
