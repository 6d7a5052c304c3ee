package org.exotrace.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.bedside.control.DoseCorrected;
import org.exotrace.coldchain.control.ExcursionNoticed;
import org.exotrace.lot.entity.Lot;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.qc.control.LotDecided;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes QA's decisions, corrections that change a recalled lot's patients, and storage places' temperature excursions
 * as outbound events, inside the transaction that decided or saw them: the event row and one delivery per configured
 * URL commit with it or not at all. Sending is the {@link Dispatcher}'s.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes LotDecided decided) {
        List<URI> urls = settings.urls();
        if (urls.isEmpty()) {
            return;
        }
        UUID id = UUID.randomUUID();
        String type = "LOT_" + decided.to().name();
        enqueue(urls, id, type, decided.lotNumber(), null, decided.decidedAt(), Json.createObjectBuilder()
                .add("eventId", id.toString())
                .add("eventType", type)
                .add("occurredAt", decided.decidedAt().toString())
                .add("lotNumber", decided.lotNumber())
                .add("productCode", decided.productCode())
                .add("gtin", decided.gtin())
                .add("status", decided.to().name())
                .add("previousStatus", decided.from().name())
                .add("reason", decided.reason())
                .add("decidedBy", decided.decidedBy())
                .build().toString());
    }

    /**
     * A dose of a recalled lot was corrected (ADR 0040): the recall's patient list may have changed (a patient to call no
     * longer, another to call now), so each recalled lot of the correction gets a RECALL_PATIENTS_CHANGED event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes DoseCorrected corrected) {
        List<URI> urls = settings.urls();
        if (urls.isEmpty() || !corrected.recalledLot()) {
            return;
        }
        Instant now = clock.instant();
        for (UUID lotId : corrected.lots()) {
            Lot lot = em.find(Lot.class, lotId);
            if (lot.status() != LotStatus.RECALLED) {
                continue;
            }
            UUID id = UUID.randomUUID();
            enqueue(urls, id, "RECALL_PATIENTS_CHANGED", lot.lotNumber(), null, now, Json.createObjectBuilder()
                    .add("eventId", id.toString())
                    .add("eventType", "RECALL_PATIENTS_CHANGED")
                    .add("occurredAt", now.toString())
                    .add("lotNumber", lot.lotNumber())
                    .add("productCode", lot.product().code())
                    .add("gtin", lot.product().gtin().value())
                    .add("status", lot.status().name())
                    .add("correctionId", corrected.correctionId().toString())
                    .add("correctedAdministrationId", corrected.correctedId().toString())
                    .add("correction", corrected.action().name())
                    .build().toString());
        }
    }

    /**
     * An excursion of a storage place seen for the first time, seen ended, or withdrawn (ADR 0045): EXCURSION_OPENED,
     * EXCURSION_ENDED or EXCURSION_WITHDRAWN, naming the place instead of a lot.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes ExcursionNoticed noticed) {
        List<URI> urls = settings.urls();
        if (urls.isEmpty()) {
            return;
        }
        UUID id = UUID.randomUUID();
        String type = "EXCURSION_" + noticed.notice().name();
        JsonObjectBuilder payload = Json.createObjectBuilder()
                .add("eventId", id.toString())
                .add("eventType", type)
                .add("occurredAt", noticed.noticedAt().toString())
                .add("locationCode", noticed.placeCode())
                .add("locationName", noticed.placeName())
                .add("kind", noticed.kind().name())
                .add("startedAt", noticed.startedAt().toString());
        noticed.endedAt().ifPresent(end -> payload.add("endedAt", end.toString()));
        noticed.duration().ifPresent(d -> payload.add("duration", d.toString()));
        noticed.lowestC().ifPresent(c -> payload.add("lowestC", c));
        noticed.highestC().ifPresent(c -> payload.add("highestC", c));
        payload.add(noticed.notice() == ExcursionNoticed.Notice.WITHDRAWN ? "lapsedHolds" : "heldVials", noticed.vials());
        enqueue(urls, id, type, null, noticed.placeCode(), noticed.noticedAt(), payload.build().toString());
    }

    /** The event, about a lot or (excursions) a storage place, and one delivery per URL. */
    private void enqueue(List<URI> urls, UUID id, String type, String lotNumber, String locationCode, Instant occurredAt, String payload) {
        Timestamp at = Timestamp.from(occurredAt);
        em.createNativeQuery("INSERT INTO webhook_event (id, event_type, lot_number, location_code, payload, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, id).setParameter(2, type).setParameter(3, lotNumber).setParameter(4, locationCode).setParameter(5, payload)
                .setParameter(6, at).executeUpdate();
        for (URI url : urls) {
            em.createNativeQuery("INSERT INTO webhook_delivery (event_id, url, status, next_attempt_at) VALUES (?1, ?2, 'PENDING', ?3)")
                    .setParameter(1, id).setParameter(2, url.toString()).setParameter(3, at).executeUpdate();
        }
    }
}
