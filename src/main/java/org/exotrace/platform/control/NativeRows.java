package org.exotrace.platform.control;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Reads the columns of a native query's {@code Object[]} row: the driver may hand a UUID as UUID or as text. */
public final class NativeRows {

    private NativeRows() {
    }

    public static UUID uuid(Object column) {
        return column instanceof UUID u ? u : UUID.fromString(column.toString());
    }

    public static String text(Object column) {
        return column == null ? null : column.toString();
    }

    public static Instant instant(Object column) {
        return column == null ? null : ((Timestamp) column).toInstant();
    }
}
