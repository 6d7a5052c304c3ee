package org.exotrace.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.catalog.entity.CellProcessingCentre;
import org.exotrace.platform.error.DomainError;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Registering and finding cell processing centres. */
@ApplicationScoped
@Transactional
public class Cpcs {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public CellProcessingCentre register(String code, String name, String licenceNumber, String country, String actor) {
        if (!CellProcessingCentre.isCountry(country)) {
            throw DomainError.invalid("country", "an ISO 3166-1 alpha-2 country code such as JP");
        }
        if (find(code).isPresent()) {
            throw DomainError.conflict("CPC_EXISTS", "A CPC with code '" + code + "' is already registered");
        }
        var cpc = new CellProcessingCentre(code, name, licenceNumber, country, actor, clock.instant());
        em.persist(cpc);
        audit.record(actor, "CPC_REGISTERED", "cpc", code, Json.createObjectBuilder()
                .add("code", code).add("name", name).add("licenceNumber", licenceNumber).add("country", country).build());
        return cpc;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CellProcessingCentre> find(String code) {
        return em.createQuery("SELECT c FROM CellProcessingCentre c WHERE c.code = :code", CellProcessingCentre.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CellProcessingCentre> list(int page, int size) {
        return em.createQuery("SELECT c FROM CellProcessingCentre c ORDER BY c.code", CellProcessingCentre.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return em.createQuery("SELECT COUNT(c) FROM CellProcessingCentre c", Long.class).getSingleResult();
    }
}
