package org.exotrace.monitoring.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.control.DatabaseConfig;
import org.exotrace.platform.control.SchemaReady;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lots by status, vials on hand, open temperature excursions and the vials they hold, read from the database: four
 * counting queries (lot has a few rows per delivery, {@code vial_location_state_idx} serves the vials; excursions and
 * holds are few), run at most once per {@code exotrace.metrics.stock-cache}
 * (default 5 s) however often the gauges are scraped. When the database does not answer, the last figures stay.
 */
@ApplicationScoped
public class StockGauges {

    private static final Logger LOG = Logger.getLogger(StockGauges.class.getName());
    public static final String LOTS = "exotrace.lots";
    public static final String VIALS_ON_HAND = "exotrace.vials.on.hand";
    public static final String EXCURSIONS_OPEN = "exotrace.excursions.open";
    public static final String VIALS_HELD = "exotrace.vials.held";

    private record Snapshot(long readAt, Map<LotStatus, Long> lots, long vialsOnHand, long excursionsOpen, long vialsHeld) {
    }

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "exotrace.metrics.stock-cache", defaultValue = "PT5S")
    Duration cache;

    private volatile Snapshot last = new Snapshot(Long.MIN_VALUE / 2, new EnumMap<>(LotStatus.class), 0, 0, 0);

    void register(@Observes SchemaReady ready) {
        Metadata lots = Metadata.builder().withName(LOTS).withDescription("Lots by status, from the database (cached "
                + cache + ")").build();
        for (LotStatus status : LotStatus.values()) {
            registry.gauge(lots, this, g -> g.snapshot().lots().getOrDefault(status, 0L), new Tag("status", status.name()));
        }
        registry.gauge(Metadata.builder().withName(VIALS_ON_HAND).withDescription("Vials in stock (state IN_STOCK, whatever"
                + " their lot's status or expiry), from the database (cached " + cache + ")").build(), this, g -> g.snapshot().vialsOnHand());
        registry.gauge(Metadata.builder().withName(EXCURSIONS_OPEN).withDescription("Temperature excursions announced OPENED and"
                + " not yet ENDED or WITHDRAWN, as the last hold pass saw them (exotrace.coldchain.hold-refresh), from the database"
                + " (cached " + cache + ")").build(), this, g -> g.snapshot().excursionsOpen());
        registry.gauge(Metadata.builder().withName(VIALS_HELD).withDescription("Vials on temperature hold awaiting QA's disposition"
                + " (neither disposed of nor lapsed), from the database (cached " + cache + ")").build(), this, g -> g.snapshot().vialsHeld());
    }

    synchronized Snapshot snapshot() {
        long now = System.nanoTime();
        if (now - last.readAt() < cache.toNanos()) {
            return last;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            Map<LotStatus, Long> lots = new EnumMap<>(LotStatus.class);
            try (ResultSet r = s.executeQuery("SELECT status, count(*) FROM lot GROUP BY status")) {
                while (r.next()) {
                    lots.put(LotStatus.valueOf(r.getString(1)), r.getLong(2));
                }
            }
            long onHand = count(s, "SELECT count(*) FROM vial WHERE state = 'IN_STOCK'");
            long open = count(s, """
                    SELECT count(*) FROM excursion_notice o WHERE o.notice = 'OPENED'
                       AND NOT EXISTS (SELECT 1 FROM excursion_notice e WHERE e.place_id = o.place_id AND e.kind = o.kind
                                          AND e.started_at = o.started_at AND e.notice <> 'OPENED')""");
            long held = count(s, "SELECT count(DISTINCT vial_id) FROM temperature_hold_open");
            last = new Snapshot(now, lots, onHand, open, held);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "stock gauges keep their last figures: the database did not answer ({0})", e.getClass().getSimpleName());
            last = new Snapshot(now, last.lots(), last.vialsOnHand(), last.excursionsOpen(), last.vialsHeld());
        }
        return last;
    }

    private static long count(Statement s, String query) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }
}
