package org.exotrace.bedside.entity;

import org.exotrace.catalog.entity.Route;
import org.exotrace.gs1.Gs1Label;
import org.exotrace.lot.entity.Expiry;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.vial.entity.VialState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a vial may be given now, and what to warn about. Pure: the caller has read the facts. Every
 * reason that applies is named, not only the first, so the nurse and QA see the whole picture.
 */
public final class BedsideRules {

    private BedsideRules() {
    }

    /**
     * @param label          the scanned label, when the vial was scanned (empty when chosen by hand)
     * @param route          the intended route, when known
     * @param dispensing     handing the vial over for home use: only a home-use route is allowed
     * @param today          the clinic's date
     * @param soonDays       how many days before expiry {@code EXPIRES_SOON} is shown
     * @param earlierOnHand  an earlier-expiring usable vial of the same product is in stock at the same location
     * @param onHold         the vial is held by a temperature excursion QA has not disposed of
     */
    public static Verdict check(VialFacts vial, Optional<Gs1Label> label, Optional<Route> route, boolean dispensing,
                                LocalDate today, int soonDays, boolean earlierOnHand, boolean onHold) {
        List<Block> reasons = new ArrayList<>();
        if (label.isPresent() && !matches(label.get(), vial)) {
            reasons.add(Block.LABEL_MISMATCH);
        }
        if (vial.lotStatus() == LotStatus.QUARANTINED) {
            reasons.add(Block.LOT_QUARANTINED);
        } else if (vial.lotStatus() == LotStatus.REJECTED) {
            reasons.add(Block.LOT_REJECTED);
        } else if (vial.lotStatus() == LotStatus.RECALLED) {
            reasons.add(Block.LOT_RECALLED);
        }
        if (vial.expired(today)) {
            reasons.add(Block.EXPIRED);
        }
        if (vial.state() != VialState.IN_STOCK) {
            reasons.add(Block.ALREADY_USED);
        }
        if (route.isPresent() && (!vial.routes().contains(route.get()) || dispensing && !route.get().homeUse())) {
            reasons.add(Block.ROUTE_NOT_ALLOWED);
        }
        if (onHold) {
            reasons.add(Block.TEMPERATURE_HOLD);
        }
        List<Caution> warnings = new ArrayList<>();
        if (Expiry.soon(vial.expiresOn(), today, soonDays)) {
            warnings.add(Caution.EXPIRES_SOON);
        }
        if (earlierOnHand) {
            warnings.add(Caution.NOT_FIRST_EXPIRY);
        }
        return new Verdict(reasons, warnings);
    }

    /** The label's lot and expiry, where it carries them, are the record's. */
    static boolean matches(Gs1Label label, VialFacts vial) {
        return label.lot().map(vial.lotNumber()::equals).orElse(true)
                && label.expiry().map(vial.expiresOn()::equals).orElse(true)
                && label.gtin().value().equals(vial.gtin());
    }
}
