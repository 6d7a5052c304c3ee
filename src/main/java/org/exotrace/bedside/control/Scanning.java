package org.exotrace.bedside.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.bedside.barcode.BarcodeParseResult;
import org.exotrace.bedside.barcode.Gs1BarcodeParser;
import org.exotrace.bedside.barcode.Gs1Label;
import org.exotrace.bedside.entity.BedsideRules;
import org.exotrace.bedside.entity.Block;
import org.exotrace.bedside.entity.Verdict;
import org.exotrace.bedside.entity.VialFacts;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Route;
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
 * The bedside verdict for a scanned label or a chosen vial. Reads one row (vial, lot, product, CPC and
 * routes in one query) and asks one more question (is an earlier-expiring vial on the same shelf?).
 * Records nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Scanning {

    /** A verdict with what it was about; {@code detail} says why a barcode could not be read. */
    public record Scan(Verdict verdict, Optional<Gs1Label> label, Optional<VialFacts> vial, Optional<String> detail) {
    }

    private static final String FACTS = """
            SELECT v.id, v.gtin, v.serial, v.state, v.location, l.id, l.lot_number, l.status, l.expires_on, c.code, l.donor_source,
                   p.id, p.code, p.name, p.volume_ml, p.particles_per_vial,
                   (SELECT string_agg(r.route, ',') FROM product_route r WHERE r.product_id = p.id)""";

    private static final String OF_VIAL = """

              FROM vial v JOIN lot l ON l.id = v.lot_id JOIN product p ON p.id = l.product_id JOIN cpc c ON c.id = l.cpc_id
            """;

    /**
     * The scan's one statement: {@link #FACTS} of the vial with this GTIN and serial, and {@link #earlierOnHand} for it as
     * one more column ({@code ?3} is today). A function of the database ({@code sql/V14__scan_facts_function.sql}) so
     * that PostgreSQL plans it once per connection, not on every scan as the pool's other statements are (ADR 0022).
     */
    private static final JdbcRows SCAN = new JdbcRows("SELECT * FROM scan_facts(?1, ?2, ?3)");
    /** The vial of a label and the vial of an id, read over plain JDBC ({@link JdbcRows}). */
    private static final JdbcRows OF_LABEL = new JdbcRows(FACTS + OF_VIAL + " WHERE v.gtin = ?1 AND v.serial = ?2");
    private static final JdbcRows OF_ID = new JdbcRows(FACTS + OF_VIAL + " WHERE v.id = ?1");

    @PersistenceContext
    EntityManager em;

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
        VialFacts vial = facts(row.get());
        boolean earlierOnHand = Boolean.TRUE.equals(row.get()[17]);
        return new Scan(BedsideRules.check(vial, label, route, dispensing, today, soonDays, earlierOnHand), label, Optional.of(vial),
                Optional.empty());
    }

    public Verdict verdict(VialFacts vial, Optional<Gs1Label> label, Optional<Route> route, boolean dispensing) {
        LocalDate today = today();
        return BedsideRules.check(vial, label, route, dispensing, today, soonDays, earlierOnHand(vial, today));
    }

    public Optional<VialFacts> facts(Gs1Label label) {
        return OF_LABEL.first(dataSource, label.gtin().value(), label.serial().orElseThrow()).map(Scanning::facts);
    }

    public Optional<VialFacts> facts(UUID vialId) {
        return OF_ID.first(dataSource, vialId).map(Scanning::facts);
    }

    private static VialFacts facts(Object[] r) {
        Set<Route> routes = r[16] == null ? Set.of() : Arrays.stream(r[16].toString().split(",")).map(Route::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Route.class)));
        return new VialFacts(uuid(r[0]), r[1].toString().trim(), r[2].toString(), VialState.valueOf(r[3].toString()), r[4].toString(),
                uuid(r[5]), r[6].toString(), LotStatus.valueOf(r[7].toString()), ((Date) r[8]).toLocalDate(), r[9].toString(),
                DonorSource.valueOf(r[10].toString()), uuid(r[11]), r[12].toString(), r[13].toString(), (BigDecimal) r[14],
                ((Number) r[15]).longValue(), routes);
    }

    /** Is a usable vial of the same product, expiring earlier, in stock at the same location? (A scan asks it in its one statement, {@code scan_facts}.) */
    boolean earlierOnHand(VialFacts vial, LocalDate today) {
        Object found = em.createNativeQuery("""
                        SELECT EXISTS (SELECT 1 FROM lot l
                                        WHERE l.product_id = ?2 AND l.status = 'RELEASED' AND l.expires_on < ?3 AND l.expires_on >= ?4
                                          AND EXISTS (SELECT 1 FROM vial v WHERE v.lot_id = l.id AND v.location = ?1 AND v.state = 'IN_STOCK'))""")
                .setParameter(1, vial.location()).setParameter(2, vial.productId())
                .setParameter(3, Date.valueOf(vial.expiresOn())).setParameter(4, Date.valueOf(today))
                .getSingleResult();
        return Boolean.TRUE.equals(found);
    }
}
