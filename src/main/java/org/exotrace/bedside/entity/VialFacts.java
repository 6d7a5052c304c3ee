package org.exotrace.bedside.entity;

import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Route;
import org.exotrace.lot.entity.Expiry;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.vial.entity.VialState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** What the bedside check needs to know of one vial, its lot and its product, read in one query. */
public record VialFacts(UUID vialId, String gtin, String serial, VialState state, String location,
                        UUID lotId, String lotNumber, LotStatus lotStatus, LocalDate expiresOn, String cpcCode, DonorSource donorSource,
                        UUID productId, String productCode, String productName, BigDecimal volumeMl, long particlesPerVial,
                        Set<Route> routes) {

    /** Past its lot's expiry date ({@link Expiry}). */
    public boolean expired(LocalDate today) {
        return Expiry.passed(expiresOn, today);
    }

    public boolean homeUse() {
        return routes.stream().anyMatch(Route::homeUse);
    }
}
