package org.exotrace.bedside;

import org.exotrace.platform.control.DatabaseMigrations;
import org.exotrace.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan behind every bedside scan (ADR 0022), read off PostgreSQL without a server: on a connection that plans
 * every statement for its values, as the service's pool does (ADR 0012), the scan's function runs one plan made
 * once, and that plan reaches the scanned vial by its GTIN and serial and the same-shelf check by an index, with
 * 25 000 vials of one product in the table (the small tables may be read whole). A sequential scan of {@code vial}
 * there is what cost 12 ms a scan before ADR 0012; a plan made on every scan cost 0.7 ms of PostgreSQL's CPU.
 * Everything it writes is rolled back. It loads {@code auto_explain}, so the tests' database user must be a superuser
 * (postgres, as in CI and on the embedded database).
 */
class ScanPlanIT {

    private static final int VIALS = 20_000;
    private static final int SHELVES = 20;

    private Connection db;
    private final String gtin = "0" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L);
    private final String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

    @BeforeEach
    void twoReleasedLotsOfOneProductInATransaction() throws SQLException {
        DatabaseMigrations.flyway(System.getProperty("exotrace.it.db.url"), System.getProperty("exotrace.it.db.user"),
                System.getProperty("exotrace.it.db.password"), System.getProperty(TestDatabase.APP_USER)).migrate();
        db = TestDatabase.connect();
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            st.execute("SET plan_cache_mode = force_custom_plan");
            st.execute("INSERT INTO cpc (id, code, name, licence_number, country, created_at, created_by) VALUES "
                    + "(gen_random_uuid(), 'CPC-PLAN-" + tag + "', 'Plan CPC', 'L-1', 'JP', now(), 'it')");
            st.execute("INSERT INTO product (id, code, name, gtin, volume_ml, particles_per_vial, created_at, created_by) VALUES "
                    + "(gen_random_uuid(), 'PLAN-" + tag + "', 'Plan product', '" + gtin + "', 2.0, 1000, now(), 'it')");
            st.execute("INSERT INTO product_route SELECT id, 'IV_DRIP' FROM product WHERE gtin = '" + gtin + "'");
            // The earlier lot expires in 30 days: one vial on SHELF-0, 5 000 in the back room. The later one, in 180 days, has
            // 20 000 vials on 20 shelves.
            for (String[] lot : new String[][]{{"E", "30"}, {"L", "180"}}) {
                st.execute("INSERT INTO lot (id, lot_number, product_id, cpc_id, donor_source, manufactured_on, expires_on, status,"
                        + " received_at, received_by) SELECT gen_random_uuid(), '" + lot[0] + tag + "', p.id, c.id, 'CORD_BLOOD',"
                        + " current_date - 10, current_date + " + lot[1] + ", 'RELEASED', now(), 'it'"
                        + " FROM product p, cpc c WHERE p.gtin = '" + gtin + "' AND c.code = 'CPC-PLAN-" + tag + "'");
            }
            st.execute("INSERT INTO vial (id, lot_id, gtin, serial, state, location) SELECT gen_random_uuid(), l.id, '" + gtin
                    + "', 'E-0', 'IN_STOCK', 'SHELF-0' FROM lot l WHERE l.lot_number = 'E" + tag + "'");
            st.execute("INSERT INTO vial (id, lot_id, gtin, serial, state, location) SELECT gen_random_uuid(), l.id, '" + gtin
                    + "', 'E-' || n, 'IN_STOCK', 'BACK-ROOM' FROM lot l, generate_series(1, 5000) n WHERE l.lot_number = 'E" + tag + "'");
            st.execute("INSERT INTO vial (id, lot_id, gtin, serial, state, location) SELECT gen_random_uuid(), l.id, '" + gtin
                    + "', 'L-' || n, 'IN_STOCK', 'SHELF-' || (n % " + SHELVES + ") FROM lot l, generate_series(1, " + VIALS + ") n"
                    + " WHERE l.lot_number = 'L" + tag + "'");
            st.execute("ANALYZE vial, lot, product, cpc, product_route");
        }
    }

    @AfterEach
    void rollBack() throws SQLException {
        db.rollback();
        db.close();
    }

    @Test
    void aScanRunsOnePlanMadeOnceThatReachesEachTableByAnIndex() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("LOAD 'auto_explain'");
            st.execute("SET auto_explain.log_min_duration = 0");
            st.execute("SET auto_explain.log_nested_statements = on");
            st.execute("SET auto_explain.log_level = notice");
        }
        List<String> plans = new ArrayList<>();
        try (PreparedStatement scan = db.prepareStatement("SELECT vial_id, lot_number, earlier_on_hand FROM scan_facts(?, ?, ?)")) {
            // More scans than the driver's prepareThreshold and PostgreSQL's five custom plans before it may go generic.
            for (int n = 1; n <= 8; n++) {
                int serial = n * 10; // SHELF-10, SHELF-0, SHELF-10, ...: the earlier lot has a vial on SHELF-0 only
                scan.setString(1, gtin);
                scan.setString(2, "L-" + serial);
                scan.setDate(3, Date.valueOf(LocalDate.now()));
                try (ResultSet r = scan.executeQuery()) {
                    assertTrue(r.next(), "vial L-" + serial + " found");
                    assertEquals("L" + tag, r.getString("lot_number"));
                    assertEquals(serial % SHELVES == 0, r.getBoolean("earlier_on_hand"),
                            "an earlier-expiring vial on the shelf of L-" + serial + " only when it is SHELF-0");
                    assertFalse(r.next());
                }
                for (SQLWarning w = scan.getWarnings(); w != null; w = w.getNextWarning()) {
                    if (w.getMessage().contains("FROM vial v JOIN lot l")) {
                        plans.add(w.getMessage());
                    }
                }
                scan.clearWarnings();
            }
        }
        assertEquals(8, plans.size(), "auto_explain showed the function's own statement on every scan: " + plans);
        String last = plans.get(plans.size() - 1);
        assertFalse(last.contains("Seq Scan on vial"), last);
        assertTrue(last.contains("Index Scan using vial_gtin_serial_key on vial v"), last);
        // Which index of vial the shelf check takes (V12's partial one, or the lot's with a filter) is the planner's
        // choice by its statistics, the same for a generic plan as for a custom one: the shelf comes from the row.
        assertTrue(last.matches("(?s).*Index (Only )?Scan using vial_\\w+ on vial e.*"), last);
        // A plan made for the values at hand names them; the generic plan names the parameters, on every scan.
        assertTrue(plans.stream().allMatch(p -> p.contains("(gtin = $1) AND (serial = $2)") && !p.contains("L-")), last);
    }
}
