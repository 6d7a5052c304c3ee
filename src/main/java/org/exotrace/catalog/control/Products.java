package org.exotrace.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Product;
import org.exotrace.catalog.entity.StorageRange;
import org.exotrace.catalog.entity.Route;
import org.exotrace.gs1.Gtin;
import org.exotrace.platform.error.DomainError;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The product catalogue. */
@ApplicationScoped
@Transactional
public class Products {

    public record NewProduct(String code, String name, String gtin, Set<DonorSource> donorSources, BigDecimal volumeMl,
                             long particlesPerVial, Set<Route> routes, List<AssaySpec> requiredAssays, Optional<StorageRange> storage) {

        /** A product whose record states no storage range. */
        public NewProduct(String code, String name, String gtin, Set<DonorSource> donorSources, BigDecimal volumeMl,
                          long particlesPerVial, Set<Route> routes, List<AssaySpec> requiredAssays) {
            this(code, name, gtin, donorSources, volumeMl, particlesPerVial, routes, requiredAssays, Optional.empty());
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public Product create(NewProduct p, String actor) {
        Gtin gtin = Gtin.parse(p.gtin()).orElseThrow(() -> DomainError.invalid("GTIN_INVALID", "gtin",
                "not a GTIN-14 with a valid check digit (expected last digit "
                        + (p.gtin().matches("\\d{14}") ? Gtin.checkDigit(p.gtin().substring(0, 13)) : "?") + ")"));
        if (find(p.code()).isPresent()) {
            throw DomainError.conflict("PRODUCT_EXISTS", "A product with code '" + p.code() + "' exists");
        }
        if (!em.createQuery("SELECT p FROM Product p WHERE p.gtin = :gtin", Product.class)
                .setParameter("gtin", gtin.value()).getResultList().isEmpty()) {
            throw DomainError.conflict("GTIN_IN_USE", "GTIN " + gtin.value() + " belongs to another product");
        }
        Product product = new Product(p.code(), p.name(), gtin, p.donorSources(),
                p.volumeMl() == null ? Product.DEFAULT_VOLUME_ML : p.volumeMl(), p.particlesPerVial(), p.routes(), p.requiredAssays(),
                p.storage(), actor, clock.instant());
        em.persist(product);
        audit.record(actor, "PRODUCT_CREATED", "product", product.code(), Json.createObjectBuilder()
                .add("code", product.code()).add("gtin", gtin.value()).add("name", product.name())
                .add("volumeMl", product.volumeMl()).add("particlesPerVial", product.particlesPerVial())
                .add("assays", product.requiredAssays().size())
                .add("storageRange", product.storageRange().map(r -> r.minC() + ".." + r.maxC() + " °C").orElse("")).build());
        return product;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Product> find(String code) {
        return em.createQuery("SELECT p FROM Product p WHERE p.code = :code", Product.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Product> list(int page, int size) {
        return em.createQuery("SELECT p FROM Product p ORDER BY p.code", Product.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return em.createQuery("SELECT COUNT(p) FROM Product p", Long.class).getSingleResult();
    }
}
