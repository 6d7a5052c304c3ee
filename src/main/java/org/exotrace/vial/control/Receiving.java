package org.exotrace.vial.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.catalog.control.Cpcs;
import org.exotrace.catalog.control.Products;
import org.exotrace.catalog.entity.CellProcessingCentre;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Product;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Lot;
import org.exotrace.platform.error.DomainError;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Receiving a lot from a CPC: the lot, its vials and their first ledger rows, all or nothing. */
@ApplicationScoped
public class Receiving {

    public static final int MAX_VIALS = 100_000;

    public record Delivery(String lotNumber, String productCode, String cpcCode, DonorSource donorSource,
                           LocalDate manufacturedOn, LocalDate expiresOn, String location, List<String> serials, Integer vialCount) {
    }

    public record Received(Lot lot, int vials) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Products products;

    @Inject
    Cpcs cpcs;

    @Inject
    Lots lots;

    @Inject
    VialLedger ledger;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Observed in this transaction: an observer may refuse the location (the cold chain, ADR 0044). */
    @Inject
    Event<VialsPlaced> placing;

    @Transactional
    public Received receive(Delivery d, String actor) {
        Product product = products.find(d.productCode())
                .orElseThrow(() -> DomainError.invalid("UNKNOWN_PRODUCT", "productCode", "no product '" + d.productCode() + "'"));
        CellProcessingCentre cpc = cpcs.find(d.cpcCode())
                .orElseThrow(() -> DomainError.invalid("UNKNOWN_CPC", "cpcCode", "no CPC '" + d.cpcCode() + "'"));
        if ((d.serials() == null) == (d.vialCount() == null)) {
            throw DomainError.invalid("serials", "give either the serials printed on the labels or a vialCount, not both");
        }
        if (d.serials() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < d.serials().size(); i++) {
                if (!seen.add(d.serials().get(i))) {
                    throw DomainError.invalid("serials[" + i + "]", "serial " + d.serials().get(i) + " appears twice");
                }
            }
        }
        Instant now = clock.instant();
        Lot lot = Lot.receive(d.lotNumber(), product, cpc, d.donorSource(), d.manufacturedOn(), d.expiresOn(),
                LocalDate.ofInstant(now, clock.getZone()), actor, now);
        if (lots.find(product, d.lotNumber()).isPresent()) {
            throw DomainError.conflict("LOT_EXISTS", "lot " + d.lotNumber() + " of " + product.code() + " was already received");
        }
        List<String> serials = d.serials() != null ? d.serials() : ledger.assignSerials(d.vialCount());
        List<String> taken = ledger.existingSerials(product.gtin().value(), serials);
        if (!taken.isEmpty()) {
            throw DomainError.conflict("SERIAL_EXISTS", "serials already registered for GTIN " + product.gtin().value() + ": " + taken);
        }
        placing.fire(new VialsPlaced(product, d.location(), serials.size(), false, actor));
        em.persist(lot);
        ledger.receive(lot, serials, d.location(), actor, now);
        audit.record(actor, "LOT_RECEIVED", "lot", lot.lotNumber(), Json.createObjectBuilder()
                .add("lotNumber", lot.lotNumber()).add("product", product.code()).add("cpc", cpc.code())
                .add("donorSource", lot.donorSource().name()).add("manufacturedOn", lot.manufacturedOn().toString())
                .add("expiresOn", lot.expiresOn().toString()).add("location", d.location()).add("vials", serials.size())
                .add("firstSerial", serials.get(0)).add("lastSerial", serials.get(serials.size() - 1)).build());
        return new Received(lot, serials.size());
    }
}
