package org.exotrace.vial.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.lot.entity.Lot;
import org.exotrace.vial.entity.Vial;
import org.exotrace.vial.entity.VialState;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A lot's vials: how many are in each state, which are still on a shelf, a page of them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LotVials {

    @PersistenceContext
    EntityManager em;

    public Map<VialState, Long> counts(Lot lot) {
        Map<VialState, Long> counts = new EnumMap<>(VialState.class);
        for (VialState s : VialState.values()) {
            counts.put(s, 0L);
        }
        em.createQuery("SELECT v.state, COUNT(v) FROM Vial v WHERE v.lot = :lot GROUP BY v.state", Object[].class)
                .setParameter("lot", lot).getResultList()
                .forEach(row -> counts.put((VialState) row[0], (Long) row[1]));
        return counts;
    }

    /** The lot's vials still on a shelf, by location: what must be set aside physically after a recall or rejection. */
    public List<Vial> inStock(Lot lot) {
        return em.createQuery("SELECT v FROM Vial v WHERE v.lot = :lot AND v.state = :state ORDER BY v.location, v.serial", Vial.class)
                .setParameter("lot", lot).setParameter("state", VialState.IN_STOCK).getResultList();
    }

    public List<Vial> page(Lot lot, int page, int size) {
        return em.createQuery("SELECT v FROM Vial v WHERE v.lot = :lot ORDER BY v.serial", Vial.class)
                .setParameter("lot", lot).setFirstResult(page * size).setMaxResults(size).getResultList();
    }
}
