package org.exotrace.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.qc.control.LotDecided;

import java.net.URI;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Writes QA's decisions as outbound events, inside the decision's transaction: the event row and one delivery per
 * configured URL commit with the decision or not at all. Sending is the {@link Dispatcher}'s.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookSettings settings;

    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes LotDecided decided) {
        List<URI> urls = settings.urls();
        if (urls.isEmpty()) {
            return;
        }
        UUID id = UUID.randomUUID();
        String type = "LOT_" + decided.to().name();
        String payload = Json.createObjectBuilder()
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
                .build().toString();
        Timestamp at = Timestamp.from(decided.decidedAt());
        em.createNativeQuery("INSERT INTO webhook_event (id, event_type, lot_number, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, type).setParameter(3, decided.lotNumber()).setParameter(4, payload)
                .setParameter(5, at).executeUpdate();
        for (URI url : urls) {
            em.createNativeQuery("INSERT INTO webhook_delivery (event_id, url, status, next_attempt_at) VALUES (?1, ?2, 'PENDING', ?3)")
                    .setParameter(1, id).setParameter(2, url.toString()).setParameter(3, at).executeUpdate();
        }
    }
}
