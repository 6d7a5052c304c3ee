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
import org.exotrace.platform.control.Reads;
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

/**
 * The bedside verdict for a scanned label or a chosen vial. Reads one row in one statement, the database's
 * {@code scan_facts}: vial, lot, product, CPC, routes, whether an earlier-expiring vial is on the same shelf, and
 * whether the vial is on a temperature hold (V27).
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
     * as the pool's other statements are (ADR 0022). Read over plain JDBC by column name ({@link Reads}, ADR 0036), not
     * through EclipseLink, whose query handling cost more than the statement on this path (ADR 0019).
     */
    private static final String SCAN = "SELECT * FROM scan_facts(?, ?, ?)";
    /** The same row for a vial named by its id (a dose of a hand-chosen vial, a dose read back): one statement too. */
    private static final String OF_ID = "SELECT f.* FROM vial v CROSS JOIN LATERAL scan_facts(v.gtin, v.serial, ?) f WHERE v.id = ?";

    /** A row of {@code scan_facts}, by its column names; {@code routes} is the product's routes joined by commas. */
    private record Row(UUID vialId, String gtin, String serial, VialState state, String location, UUID lotId, String lotNumber,
                       LotStatus lotStatus, LocalDate expiresOn, String cpcCode, DonorSource donorSource, UUID productId,
                       String productCode, String productName, BigDecimal volumeMl, long particlesPerVial, String routes,
                       boolean earlierOnHand, boolean onHold) {

        VialFacts facts() {
            Set<Route> set = routes == null ? Set.of() : Arrays.stream(routes.split(",")).map(Route::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Route.class)));
            return new VialFacts(vialId, gtin.trim(), serial, state, location, lotId, lotNumber, lotStatus, expiresOn, cpcCode,
                    donorSource, productId, productCode, productName, volumeMl, particlesPerVial, set);
        }
    }

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
        Optional<Row> row = Reads.first(dataSource, Row.class, SCAN, label.get().gtin().value(), label.get().serial().orElseThrow(),
                Date.valueOf(today));
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
        return Reads.first(dataSource, Row.class, OF_ID, Date.valueOf(today), vialId).map(row -> checked(row, label, route, dispensing, today));
    }

    /** A row of {@code scan_facts} as the vial's facts and the bedside rules' verdict on them. */
    private Checked checked(Row row, Optional<Gs1Label> label, Optional<Route> route, boolean dispensing, LocalDate today) {
        VialFacts vial = row.facts();
        return new Checked(vial, BedsideRules.check(vial, label, route, dispensing, today, soonDays, row.earlierOnHand(),
                row.onHold()));
    }

    public Optional<VialFacts> facts(Gs1Label label) {
        return Reads.first(dataSource, Row.class, SCAN, label.gtin().value(), label.serial().orElseThrow(), Date.valueOf(today()))
                .map(Row::facts);
    }

    public Optional<VialFacts> facts(UUID vialId) {
        return Reads.first(dataSource, Row.class, OF_ID, Date.valueOf(today()), vialId).map(Row::facts);
    }
}
