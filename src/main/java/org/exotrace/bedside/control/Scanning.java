package org.exotrace.bedside.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.bedside.entity.BedsideRules;
import org.exotrace.bedside.entity.Block;
import org.exotrace.bedside.entity.Verdict;
import org.exotrace.bedside.entity.VialFacts;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Route;
import org.exotrace.gs1.BarcodeParseResult;
import org.exotrace.gs1.Gs1BarcodeParser;
import org.exotrace.gs1.Gs1Label;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.control.DatabaseConfig;
import org.exotrace.platform.control.JdbcRows;
import org.exotrace.vial.entity.VialState;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.exotrace.platform.control.NativeRows.uuid;

/**
 * The bedside verdict for a scanned label or a chosen vial. Reads one row in one statement, the database's
 * {@code scan_facts}: vial, lot, product, CPC, routes, and whether an earlier-expiring vial is on the same shelf.
 * Records nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Scanning {

    /** A verdict with what it was about; {@code detail} says why a barcode could not be read. */
    public record Scan(Verdict verdict, Optional<Gs1Label> label, Optional<VialFacts> vial, Optional<String> detail) {
    }

    /**
     * The bedside statement: the vial with this GTIN and serial, its lot, product, CPC and routes, and whether a usable vial
     * of the same product expiring earlier is in stock on its shelf, as one row ({@code ?3} is today). A function of the
     * database ({@code sql/V14__scan_facts_function.sql}) so that PostgreSQL plans it once per connection, not on every scan
     * as the pool's other statements are (ADR 0022). Read over plain JDBC ({@link JdbcRows}).
     */
    private static final JdbcRows SCAN = new JdbcRows("SELECT * FROM scan_facts(?1, ?2, ?3)");
    /** The same row for a vial named by its id (a dose of a hand-chosen vial, a dose read back): one statement too. */
    private static final JdbcRows OF_ID = new JdbcRows("SELECT f.* FROM vial v CROSS JOIN LATERAL scan_facts(v.gtin, v.serial, ?2) f WHERE v.id = ?1");

    /** A vial's facts and the bedside verdict on them, from one row read in the caller's transaction. */
    public record Checked(VialFacts vial, Verdict verdict) {
    }

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "exotrace.scan.expires-soon-days", defaultValue = "30")
    int soonDays;

    private Gs1BarcodeParser parser;

    @PostConstruct
    void init() {
        parser = new Gs1BarcodeParser(clock);
    }

    public int expiresSoonDays() {
        return soonDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Reads a label: the label itself, or why it cannot identify a vial. */
    public Optional<Gs1Label> read(String barcode, StringBuilder why) {
        BarcodeParseResult parsed = parser.parse(barcode);
        if (parsed instanceof BarcodeParseResult.Invalid invalid) {
            why.append(invalid.reason());
            return Optional.empty();
        }
        Gs1Label label = (Gs1Label) parsed;
        if (label.serial().isEmpty()) {
            why.append("the label carries no serial number (AI 21), so it does not name one vial");
            return Optional.empty();
        }
        return Optional.of(label);
    }

    public Scan scan(String barcode, Optional<Route> route, boolean dispensing) {
        StringBuilder why = new StringBuilder();
        Optional<Gs1Label> label = read(barcode, why);
        if (label.isEmpty()) {
            return new Scan(Verdict.blocked(Block.BARCODE_INVALID), Optional.empty(), Optional.empty(), Optional.of(why.toString()));
        }
        // One statement, so one connection from the pool and one round trip: the vial's facts and the earlier-expiring check.
        LocalDate today = today();
        Optional<Object[]> row = SCAN.first(dataSource, label.get().gtin().value(), label.get().serial().orElseThrow(), Date.valueOf(today));
        if (row.isEmpty()) {
            return new Scan(Verdict.blocked(Block.UNKNOWN_VIAL), label, Optional.empty(),
                    Optional.of("no vial with GTIN " + label.get().gtin().value() + " and serial " + label.get().serial().orElseThrow()));
        }
        Checked checked = checked(row.get(), label, route, dispensing, today);
        return new Scan(checked.verdict(), label, Optional.of(checked.vial()), Optional.empty());
    }

    /**
     * The verdict for the vial with this id, as a scan of its label would give it: read with the scan's statement, in the
     * caller's transaction (a dose reads it after locking the vial and its lot, so the verdict is on what it will record).
     */
    public Optional<Checked> check(UUID vialId, Optional<Gs1Label> label, Optional<Route> route, boolean dispensing) {
        LocalDate today = today();
        return OF_ID.first(dataSource, vialId, Date.valueOf(today)).map(row -> checked(row, label, route, dispensing, today));
    }

    /** A row of {@code scan_facts} as the vial's facts and the bedside rules' verdict on them. */
    private Checked checked(Object[] row, Optional<Gs1Label> label, Optional<Route> route, boolean dispensing, LocalDate today) {
        VialFacts vial = facts(row);
        return new Checked(vial, BedsideRules.check(vial, label, route, dispensing, today, soonDays, earlierOnHand(row)));
    }

    public Optional<VialFacts> facts(Gs1Label label) {
        return SCAN.first(dataSource, label.gtin().value(), label.serial().orElseThrow(), Date.valueOf(today())).map(Scanning::facts);
    }

    public Optional<VialFacts> facts(UUID vialId) {
        return OF_ID.first(dataSource, vialId, Date.valueOf(today())).map(Scanning::facts);
    }

    private static VialFacts facts(Object[] r) {
        Set<Route> routes = r[16] == null ? Set.of() : Arrays.stream(r[16].toString().split(",")).map(Route::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Route.class)));
        return new VialFacts(uuid(r[0]), r[1].toString().trim(), r[2].toString(), VialState.valueOf(r[3].toString()), r[4].toString(),
                uuid(r[5]), r[6].toString(), LotStatus.valueOf(r[7].toString()), ((Date) r[8]).toLocalDate(), r[9].toString(),
                DonorSource.valueOf(r[10].toString()), uuid(r[11]), r[12].toString(), r[13].toString(), (BigDecimal) r[14],
                ((Number) r[15]).longValue(), routes);
    }

    /** The row's last column: is a usable vial of the same product, expiring earlier, in stock on the same shelf? */
    private static boolean earlierOnHand(Object[] row) {
        return Boolean.TRUE.equals(row[17]);
    }
}
