package org.exotrace.label.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.gs1.Gs1VialCode;
import org.exotrace.label.entity.LabelFormat;
import org.exotrace.label.entity.LabelStock;
import org.exotrace.label.entity.VialLabel;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Lot;
import org.exotrace.platform.error.DomainError;
import org.exotrace.vial.entity.Vial;
import org.exotrace.vial.entity.VialState;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A print job of vial labels: which vials (those named, or every vial of the lot still in stock), recorded with who
 * printed them and how, each vial printed before marked as a reprint, and audited as {@code LABELS_PRINTED}.
 */
@ApplicationScoped
@Transactional
public class LabelPrinting {

    /** The most labels one request prints (a 20 000-vial lot is printed in parts, naming the vials). */
    public static final int MAX_LABELS = 5_000;

    /** The labels to print and how many of them were printed before. */
    public record Job(UUID printId, String lotNumber, List<VialLabel> labels, int reprints) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Lots lots;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public Job print(String lotNumber, String productCode, List<UUID> vialIds, LabelFormat format, LabelStock stock, String actor) {
        Lot lot = lots.find(lotNumber, productCode).orElseThrow(() -> DomainError.notFound("lot", lotNumber));
        List<Vial> vials = vialIds.isEmpty() ? inStock(lot) : named(lot, vialIds);
        List<UUID> ids = vials.stream().map(Vial::id).toList();
        @SuppressWarnings("unchecked")
        Set<UUID> printedBefore = new HashSet<UUID>(em.createNativeQuery("SELECT DISTINCT vial_id FROM label_print_vial WHERE vial_id = ANY(?1)")
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList());
        UUID printId = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("INSERT INTO label_print (id, lot_id, format, layout, width_mm, height_mm, vials, reprints, printed_at, printed_by)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, printId).setParameter(2, lot.id()).setParameter(3, format.name()).setParameter(4, stock.layout().name())
                .setParameter(5, stock.widthMm()).setParameter(6, stock.heightMm()).setParameter(7, ids.size())
                .setParameter(8, printedBefore.size()).setParameter(9, Timestamp.from(now)).setParameter(10, actor).executeUpdate();
        em.createNativeQuery("INSERT INTO label_print_vial (print_id, vial_id, reprint)"
                        + " SELECT ?1, v, v = ANY(?3) FROM unnest(?2) AS v")
                .setParameter(1, printId).setParameter(2, ids.toArray(UUID[]::new))
                .setParameter(3, printedBefore.toArray(UUID[]::new)).executeUpdate();
        audit.record(actor, "LABELS_PRINTED", "lot", lot.lotNumber(), Json.createObjectBuilder()
                .add("printId", printId.toString()).add("productCode", lot.product().code()).add("format", format.name())
                .add("layout", stock.layout().name()).add("widthMm", stock.widthMm()).add("heightMm", stock.heightMm())
                .add("vials", ids.size()).add("reprints", printedBefore.size()).build());
        List<VialLabel> labels = vials.stream().map(v -> new VialLabel(v.id(), lot.product().code(), lot.product().name(),
                new Gs1VialCode(lot.product().gtin(), lot.expiresOn(), lot.lotNumber(), v.serial()))).toList();
        return new Job(printId, lot.lotNumber(), labels, printedBefore.size());
    }

    private List<Vial> inStock(Lot lot) {
        List<Vial> vials = em.createQuery("SELECT v FROM Vial v WHERE v.lot = :lot AND v.state = :state ORDER BY v.serial", Vial.class)
                .setParameter("lot", lot).setParameter("state", VialState.IN_STOCK).setMaxResults(MAX_LABELS + 1).getResultList();
        if (vials.isEmpty()) {
            throw DomainError.conflict("NO_VIALS_IN_STOCK", "lot " + lot.lotNumber() + " has no vial in stock: name the vials to print in vialIds");
        }
        if (vials.size() > MAX_LABELS) {
            throw DomainError.invalid("vialIds", "the lot has more than " + MAX_LABELS + " vials in stock: print them in parts, naming them");
        }
        return vials;
    }

    private List<Vial> named(Lot lot, List<UUID> vialIds) {
        if (vialIds.size() > MAX_LABELS) {
            throw DomainError.invalid("vialIds", "at most " + MAX_LABELS + " labels at a time");
        }
        Map<UUID, Vial> found = em.createQuery("SELECT v FROM Vial v WHERE v.id IN :ids", Vial.class).setParameter("ids", vialIds)
                .getResultStream().collect(Collectors.toMap(Vial::id, Function.identity()));
        List<Vial> vials = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < vialIds.size(); i++) {
            Vial vial = found.get(vialIds.get(i));
            if (vial == null || !vial.lot().equals(lot)) {
                throw DomainError.invalid("vialIds[" + i + "]", "not a vial of lot " + lot.lotNumber());
            }
            if (!seen.add(vial.id())) {
                throw DomainError.invalid("vialIds[" + i + "]", "vial " + vial.serial() + " is named twice");
            }
            vials.add(vial);
        }
        return vials;
    }
}
