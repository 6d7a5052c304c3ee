package org.exotrace.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.catalog.entity.Route;
import org.exotrace.gs1.Gtin;
import org.exotrace.platform.control.SchemaReady;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Seeds an empty database with the demo catalogue of the clinic's price page (EXO Pure ASC, EXO Pure
 * P, max NFC) and one CPC, when {@code exotrace.demo-data} is true; by default only on the embedded
 * database, never on a production one unless asked.
 */
@ApplicationScoped
public class DemoCatalogue {

    private static final Logger LOG = Logger.getLogger(DemoCatalogue.class.getName());
    private static final String ACTOR = "demo-data";

    @Inject
    Products products;

    @Inject
    Cpcs cpcs;

    @Inject
    @ConfigProperty(name = "exotrace.demo-data")
    Optional<Boolean> demoData;

    @Inject
    @ConfigProperty(name = "exotrace.db.embedded", defaultValue = "false")
    boolean embedded;

    @Transactional
    void onSchemaReady(@Observes SchemaReady ready) {
        if (!demoData.orElse(embedded) || products.count() > 0 || cpcs.count() > 0) {
            return;
        }
        cpcs.register("CPC-TOKYO-1", "Tokyo Regenerative Medicine CPC", "FA3190001", "JP", ACTOR);
        List<AssaySpec> nasal = List.of(
                AssaySpec.qualitative("STERILITY", QualitativeOutcome.NEGATIVE),
                AssaySpec.qualitative("MYCOPLASMA", QualitativeOutcome.NEGATIVE),
                AssaySpec.range("ENDOTOXIN", null, new BigDecimal("0.5"), "EU/mL"),
                AssaySpec.range("PARTICLE_COUNT", new BigDecimal("5E9"), null, "particles/mL"));
        products.create(new Products.NewProduct("EXOPURE-ASC", "EXO Pure ASC", gtin("491234500002").value(),
                Set.of(DonorSource.ADIPOSE), new BigDecimal("2.0"), 10_000_000_000L, Set.of(Route.NASAL), nasal), ACTOR);
        products.create(new Products.NewProduct("EXOPURE-P", "EXO Pure P", gtin("491234500003").value(),
                Set.of(DonorSource.DENTAL_PULP), new BigDecimal("2.0"), 10_000_000_000L, Set.of(Route.NASAL), nasal), ACTOR);
        products.create(new Products.NewProduct("MAXNFC-2", "max NFC 2cc", "04912345000019",
                Set.of(DonorSource.DENTAL_PULP, DonorSource.ADIPOSE, DonorSource.BONE_MARROW, DonorSource.CORD_BLOOD),
                new BigDecimal("2.0"), 780_000_000_000L, Set.of(Route.IV_DRIP, Route.INJECTION), List.of(
                        AssaySpec.qualitative("STERILITY", QualitativeOutcome.NEGATIVE),
                        AssaySpec.qualitative("MYCOPLASMA", QualitativeOutcome.NEGATIVE),
                        AssaySpec.qualitative("VIRUS_PANEL", QualitativeOutcome.NEGATIVE),
                        AssaySpec.range("ENDOTOXIN", null, new BigDecimal("0.5"), "EU/mL"),
                        AssaySpec.range("PARTICLE_COUNT", new BigDecimal("3.9E11"), null, "particles/mL"))), ACTOR);
        LOG.info("Seeded the demo catalogue: 3 products, 1 CPC");
    }

    /** A GTIN-14 from the demo company prefix 0491234500 and an item reference, with its check digit. */
    private static Gtin gtin(String twelve) {
        String first13 = "0" + twelve;
        return Gtin.of(first13 + Gtin.checkDigit(first13));
    }
}
