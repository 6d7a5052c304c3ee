package org.exotrace.coldchain.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.exotrace.platform.control.DatabaseMigrations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A database whose vials were put at free-text locations before storage places existed migrates without loss (V29,
 * ADR 0048): every location the ledger or a vial names becomes a place record in use, coded exactly as written, first
 * used when the ledger first names it; a location already registered as a place is left as it is; the ledger and the
 * vials are not changed.
 */
class LocationsInUseMigrationTest {

    @TempDir
    Path dir;
    EmbeddedPostgres pg;

    @BeforeEach
    void databaseBeforeV29() throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
        Flyway all = DatabaseMigrations.flyway(url(), "postgres", "", "postgres");
        Flyway.configure().configuration(all.getConfiguration()).target("28").skipDefaultCallbacks(true).load().migrate();
    }

    String url() {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
    }

    @AfterEach
    void stop() throws Exception {
        pg.close();
    }

    /** Three vials: one received at a free text and moved to another, one received at a registered place, one never moved. */
    void vialsAtFreeTextLocations(Statement sql) throws SQLException {
        sql.execute("INSERT INTO cpc (id, code, name, licence_number, country, created_at, created_by) VALUES "
                + "(gen_random_uuid(), 'CPC-1', 'CPC', 'L-1', 'JP', now(), 'inv')");
        sql.execute("INSERT INTO product (id, code, name, gtin, volume_ml, particles_per_vial, created_at, created_by) VALUES "
                + "(gen_random_uuid(), 'EXO-2', 'Exosome 2 cc', '04912345000019', 2, 1000000, now(), 'inv')");
        sql.execute("INSERT INTO lot (id, lot_number, product_id, cpc_id, donor_source, manufactured_on, expires_on, status, received_at,"
                + " received_by) SELECT gen_random_uuid(), 'L1', p.id, c.id, 'ADIPOSE', '2026-11-01', '2027-05-31', 'RELEASED', now(), 'inv'"
                + " FROM product p, cpc c");
        sql.execute("INSERT INTO storage_place (id, code, name, kind, min_c, max_c, max_gap_minutes, created_at, created_by) VALUES "
                + "(gen_random_uuid(), 'FREEZER-1', '-80 freezer', 'FREEZER', -90, -60, 15, '2026-11-20T00:00:00Z', 'qa1')");
        String[][] vials = {{"0001", "冷凍庫A 棚2"}, {"0002", "FREEZER-1"}, {"0003", "Fridge, room 3"}};
        for (String[] v : vials) {
            sql.execute("INSERT INTO vial (id, lot_id, gtin, serial, state, location) SELECT gen_random_uuid(), l.id, '04912345000019', '"
                    + v[0] + "', 'IN_STOCK', '" + v[1] + "' FROM lot l");
            sql.execute("INSERT INTO stock_movement (vial_id, kind, to_location, state_after, at, actor) SELECT id, 'RECEIVED', '"
                    + v[1] + "', 'IN_STOCK', '2026-11-21T09:00:00Z', 'inv' FROM vial WHERE serial = '" + v[0] + "'");
        }
        sql.execute("INSERT INTO stock_movement (vial_id, kind, from_location, to_location, state_after, at, actor) SELECT id, 'MOVED',"
                + " '冷凍庫A 棚2', 'Shelf B', 'IN_STOCK', '2026-11-22T09:00:00Z', 'inv' FROM vial WHERE serial = '0001'");
        sql.execute("UPDATE vial SET location = 'Shelf B' WHERE serial = '0001'");
    }

    Map<String, String> places(Statement sql) throws SQLException {
        Map<String, String> places = new LinkedHashMap<>();
        try (ResultSet r = sql.executeQuery("SELECT code, name, kind, created_at, created_by FROM storage_place ORDER BY code")) {
            while (r.next()) {
                places.put(r.getString(1), r.getString(2) + " | " + r.getString(3) + " | " + r.getTimestamp(4).toInstant() + " | " + r.getString(5));
            }
        }
        return places;
    }

    @Test
    void everyLocationInUseBecomesAPlaceAsWrittenAndNothingElseChanges() throws Exception {
        try (Connection db = pg.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            vialsAtFreeTextLocations(sql);
            String ledgerBefore = ledger(sql);
            DatabaseMigrations.flyway(url(), "postgres", "", "postgres").migrate();

            Map<String, String> places = places(sql);
            assertEquals(Map.of(
                    "FREEZER-1", "-80 freezer | FREEZER | " + Instant.parse("2026-11-20T00:00:00Z") + " | qa1",
                    "Fridge, room 3", "Fridge, room 3 | null | " + Instant.parse("2026-11-21T09:00:00Z") + " | migration V29",
                    "Shelf B", "Shelf B | null | " + Instant.parse("2026-11-22T09:00:00Z") + " | migration V29",
                    "冷凍庫A 棚2", "冷凍庫A 棚2 | null | " + Instant.parse("2026-11-21T09:00:00Z") + " | migration V29"), places);
            assertEquals(ledgerBefore, ledger(sql), "the ledger and the vials keep their locations as written");
        }
    }

    @Test
    void aLocationInUseMayBeRegisteredOnceAndIsNeverChanged() throws Exception {
        try (Connection db = pg.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            vialsAtFreeTextLocations(sql);
            DatabaseMigrations.flyway(url(), "postgres", "", "postgres").migrate();
            sql.execute("INSERT INTO storage_place (id, code, name, kind, min_c, max_c, max_gap_minutes, created_at, created_by) VALUES "
                    + "(gen_random_uuid(), 'Fridge, room 3', 'Vaccine fridge', 'REFRIGERATOR', 2, 8, 30, now(), 'qa1')");
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO storage_place (id, code, name, kind, min_c, max_c, max_gap_minutes,"
                    + " created_at, created_by) VALUES (gen_random_uuid(), 'Fridge, room 3', 'again', 'ROOM', 15, 25, 30, now(), 'qa1')"),
                    "one registered place a code");
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO storage_place (id, code, name, kind, created_at, created_by)"
                    + " VALUES (gen_random_uuid(), 'Shelf C', 'half', 'ROOM', now(), 'qa1')"), "a kind without a range");
            assertThrows(SQLException.class, () -> sql.execute("UPDATE storage_place SET kind = 'ROOM', min_c = 15, max_c = 25,"
                    + " max_gap_minutes = 30 WHERE code = 'Shelf B'"), "an in-use record is not changed into a registered one");
        }
    }

    static String ledger(Statement sql) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (ResultSet r = sql.executeQuery("SELECT v.serial, v.location, m.kind, m.from_location, m.to_location FROM vial v"
                + " JOIN stock_movement m ON m.vial_id = v.id ORDER BY m.seq")) {
            while (r.next()) {
                all.append(r.getString(1)).append(' ').append(r.getString(2)).append(' ').append(r.getString(3)).append(' ')
                        .append(r.getString(4)).append(' ').append(r.getString(5)).append('\n');
            }
        }
        return all.toString();
    }
}
