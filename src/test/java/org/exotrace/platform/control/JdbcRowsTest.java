package org.exotrace.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The statement text and binding; the reading itself runs against PostgreSQL in every IT that scans or signs in. */
class JdbcRowsTest {

    @Test
    void numberedParametersBecomeJdbcPlaceholdersBoundInTheOrderTheyAppear() {
        JdbcRows rows = new JdbcRows("SELECT a, ?3 FROM t WHERE x = ?1 AND y = ?2 AND z >= ?3");
        assertEquals("SELECT a, ? FROM t WHERE x = ? AND y = ? AND z >= ?", rows.sql());
        assertArrayEquals(new Object[]{"today", "gtin", "serial", "today"}, rows.bind("gtin", "serial", "today"));
    }

    @Test
    void aStatementWithoutParametersIsLeftAsItIs() {
        JdbcRows rows = new JdbcRows("SELECT count(*) FROM vial WHERE state = 'IN_STOCK'");
        assertEquals("SELECT count(*) FROM vial WHERE state = 'IN_STOCK'", rows.sql());
        assertArrayEquals(new Object[0], rows.bind());
    }
}
