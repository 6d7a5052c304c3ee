package org.exotrace.platform;

import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.platform.control.Reads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read lane against PostgreSQL, without a server: rows into records by column name (ADR 0036). */
class ReadsIT {

    record Row(UUID id, DoseKind kind, String siteDetail, Instant at, LocalDate expiresOn, BigDecimal volumeMl, long particles,
               int position, boolean scanned, Boolean reached) {
    }

    private static final String ROW = """
            SELECT ?::uuid AS id, 'DISPENSED' AS kind, NULL AS site_detail, timestamptz '2026-11-25 01:30:00.123456+00' AS at,
                   date '2027-05-31' AS expires_on, 2.000 AS volume_ml, 780000000000 AS particles, 3 AS position, true AS scanned,
                   NULL::boolean AS reached""";

    private PGSimpleDataSource dataSource;

    @BeforeEach
    void dataSource() {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(System.getProperty("exotrace.it.db.url"));
        dataSource.setUser(System.getProperty("exotrace.it.db.user"));
        dataSource.setPassword(System.getProperty("exotrace.it.db.password"));
    }

    @Test
    void eachColumnFillsTheComponentOfItsNameInItsType() {
        UUID id = UUID.randomUUID();
        Row r = Reads.first(dataSource, Row.class, ROW, id).orElseThrow();
        assertEquals(new Row(id, DoseKind.DISPENSED, null, Instant.parse("2026-11-25T01:30:00.123456Z"), LocalDate.of(2027, 5, 31),
                new BigDecimal("2.000"), 780_000_000_000L, 3, true, null), r);
    }

    @Test
    void aComponentWithoutAColumnIsNullFalseOrZero() {
        Row r = Reads.first(dataSource, Row.class, "SELECT 'ADMINISTERED' AS kind").orElseThrow();
        assertEquals(new Row(null, DoseKind.ADMINISTERED, null, null, null, null, 0, 0, false, null), r);
    }

    @Test
    void aColumnWithoutAComponentIsAMistake() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Reads.first(dataSource, Row.class, "SELECT 'ADMINISTERED' AS kind, 1 AS volume"));
        assertTrue(e.getMessage().contains("volume"), e.getMessage());
    }

    @Test
    void aQueryOfOneColumnReadsAsItsTypeAndAListIsAnArray() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        assertEquals(2L, Reads.first(dataSource, Long.class, "SELECT cardinality(?::uuid[])", ids).orElseThrow());
        assertEquals(List.of("a", "b"), Reads.list(dataSource, String.class, "SELECT unnest(?::text[]) ORDER BY 1", List.of("b", "a")));
        assertFalse(Reads.first(dataSource, Long.class, "SELECT 1 WHERE false").isPresent());
    }

    @Test
    void rowsAreHandedOverAsTheyAreFetchedInAReadOnlyTransactionThatIsRolledBack() throws IOException {
        List<Long> seen = new ArrayList<>();
        Reads.in(dataSource, Connection.TRANSACTION_REPEATABLE_READ, reads -> {
            reads.each(Long.class, "SELECT generate_series(1, 5000)", seen::add);
            assertEquals("on", reads.first(String.class, "SHOW transaction_read_only").orElseThrow());
            assertEquals("repeatable read", reads.first(String.class, "SHOW transaction_isolation").orElseThrow());
        });
        assertEquals(5000, seen.size());
        assertEquals(5000L, seen.get(4999));
        IOException gone = new IOException("client went away");
        IOException thrown = assertThrows(IOException.class, () -> Reads.in(dataSource, Connection.TRANSACTION_READ_COMMITTED, reads -> {
            reads.each(Long.class, "SELECT 1", n -> {
                throw gone;
            });
        }));
        assertEquals(gone, thrown);
    }
}
