package org.exotrace.platform.problem;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUnavailableTest {

    private static Throwable wrapped(String sqlState) {
        return new PersistenceException("reading", new SQLException("from the driver", sqlState));
    }

    @Test
    void aLostConnectionOrAStandbyNotYetPromotedIsUnavailability() {
        assertTrue(DatabaseUnavailable.isCause(wrapped("08006")), "I/O error on a connection");
        assertTrue(DatabaseUnavailable.isCause(wrapped("08001")), "no server of targetServerType primary");
    }

    @Test
    void aServerThatShutDownOrCrashedUnderAnOpenConnectionIsUnavailability() {
        assertTrue(DatabaseUnavailable.isCause(wrapped("57P01")), "terminating connection due to unexpected postmaster exit");
        assertTrue(DatabaseUnavailable.isCause(wrapped("57P02")));
        assertTrue(DatabaseUnavailable.isCause(wrapped("57P03")), "the database system is starting up");
    }

    @Test
    void aWriteRefusedByAReadOnlyStandbyIsUnavailability() {
        assertTrue(DatabaseUnavailable.isCause(wrapped("25006")));
    }

    @Test
    void aCancelledStatementOrAConstraintIsNot() {
        assertFalse(DatabaseUnavailable.isCause(wrapped("57014")), "statement timeout");
        assertFalse(DatabaseUnavailable.isCause(wrapped("23505")));
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("no SQL at all")));
    }
}
