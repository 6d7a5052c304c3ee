package org.exotrace.platform.problem;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Recognises a failure caused by the database being unreachable or, during a failover, unable to take the service's
 * writes: SQL state class 08 (no connection; also the driver's "no server of targetServerType primary" while a standby is
 * not yet promoted), 57P01-57P03 (the server shut down or crashed under an open connection, or is still starting), 25006
 * (a write reached a server that is read-only: a standby), or a pool timeout. ADR 0042.
 */
public final class DatabaseUnavailable {

    /** admin_shutdown (also a backend ended by its postmaster's death), crash_shutdown, cannot_connect_now; read_only_sql_transaction. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "25006");

    private DatabaseUnavailable() {
    }

    /** Whether the database takes the service's writes now: a server not in recovery answers within {@code seconds}. */
    public static boolean writableNow(DataSource dataSource, int seconds) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(seconds);
            try (ResultSet r = st.executeQuery("SELECT NOT pg_is_in_recovery()")) {
                return r.next() && r.getBoolean(1);
            }
        } catch (Exception e) {
            return false;
        }
    }

    public static boolean isCause(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 30; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Connection refused") || message.contains("No available resources")
                    || message.contains("Error in allocating a connection")) {
                return true;
            }
        }
        return false;
    }
}
