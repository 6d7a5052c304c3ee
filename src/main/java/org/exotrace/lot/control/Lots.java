package org.exotrace.lot.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.exotrace.catalog.entity.Product;
import org.exotrace.lot.entity.Lot;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.error.DomainError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finding lots and what is in them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Lots {

    @PersistenceContext
    EntityManager em;

    public Optional<Lot> find(Product product, String lotNumber) {
        return em.createQuery("SELECT l FROM Lot l WHERE l.product = :product AND l.lotNumber = :number", Lot.class)
                .setParameter("product", product).setParameter("number", lotNumber).getResultStream().findFirst();
    }

    /**
     * The lot with this number; when two products share a lot number, {@code productCode} says which.
     */
    public Optional<Lot> find(String lotNumber, String productCode) {
        var query = em.createQuery("SELECT l FROM Lot l WHERE l.lotNumber = :number"
                + (productCode == null ? "" : " AND l.product.code = :product") + " ORDER BY l.receivedAt", Lot.class)
                .setParameter("number", lotNumber);
        if (productCode != null) {
            query.setParameter("product", productCode);
        }
        List<Lot> found = query.getResultList();
        if (found.size() > 1) {
            throw DomainError.conflict("LOT_AMBIGUOUS", "lot number " + lotNumber + " exists for several products "
                    + found.stream().map(l -> l.product().code()).toList() + ": add ?productCode=");
        }
        return found.stream().findFirst();
    }

    /**
     * The lot, locked until the transaction ends: QC entries and QA's decisions on one lot happen one
     * after the other, never interleaved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Lot lockedForQa(String lotNumber, String productCode) {
        Lot lot = find(lotNumber, productCode).orElseThrow(() -> DomainError.notFound("lot", lotNumber));
        em.refresh(lot, LockModeType.PESSIMISTIC_WRITE);
        return lot;
    }

    /** What a search of lots asks for; a null field does not narrow it. */
    public record Filter(String lotNumberPart, String productCode, LotStatus status, LocalDate expiresBefore) {

        private String where() {
            List<String> conditions = new ArrayList<>();
            if (lotNumberPart != null) {
                conditions.add("UPPER(l.lotNumber) LIKE :lotNumber ESCAPE '\\'");
            }
            if (productCode != null) {
                conditions.add("l.product.code = :productCode");
            }
            if (status != null) {
                conditions.add("l.status = :status");
            }
            if (expiresBefore != null) {
                conditions.add("l.expiresOn < :expiresBefore");
            }
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        private <T> TypedQuery<T> bind(TypedQuery<T> query) {
            if (lotNumberPart != null) {
                // lot numbers may hold '%' and '_' (GS1 set 82), so they are escaped; '\\' is not in set 82
                String part = lotNumberPart.toUpperCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_");
                query.setParameter("lotNumber", "%" + part + "%");
            }
            if (productCode != null) {
                query.setParameter("productCode", productCode);
            }
            if (status != null) {
                query.setParameter("status", status);
            }
            if (expiresBefore != null) {
                query.setParameter("expiresBefore", expiresBefore);
            }
            return query;
        }
    }

    public List<Lot> list(Filter filter, int page, int size) {
        return filter.bind(em.createQuery("SELECT l FROM Lot l" + filter.where() + " ORDER BY l.receivedAt DESC, l.lotNumber", Lot.class))
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(Filter filter) {
        return filter.bind(em.createQuery("SELECT COUNT(l) FROM Lot l" + filter.where(), Long.class)).getSingleResult();
    }
}
