package org.exotrace.platform.problem;

import java.sql.SQLException;

/** Recognises a failure caused by the database being unreachable (SQL state class 08, or a pool timeout). */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 30; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
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
