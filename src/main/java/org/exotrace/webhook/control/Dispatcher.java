package org.exotrace.webhook.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.exotrace.platform.control.SchemaReady;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox's due deliveries, every {@code exotrace.webhook.poll-interval}, from the server's managed
 * scheduler. It starts once the schema is migrated and finds what an earlier run left undelivered, since the
 * deliveries are rows, not memory. Each delivery is claimed under a lease (see {@link Deliveries#claim}), POSTed with
 * the JDK's HTTP client outside any transaction, and its attempt recorded afterwards. Every request is signed: without
 * {@code exotrace.webhook.secret} the dispatcher does not start, and deliveries wait in the outbox.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    /** Deliveries claimed at once; they are sent one after the other, so the lease covers them all. */
    private static final int BATCH = 10;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    WebhookSettings settings;

    @Inject
    Deliveries deliveries;

    @Inject
    Clock clock;

    private volatile ScheduledFuture<?> polling;
    private volatile HttpClient http;
    private volatile RetrySchedule schedule;
    private volatile String secret;
    private volatile Duration requestTimeout;

    void onSchemaReady(@Observes SchemaReady ready) {
        List<URI> urls = settings.urls();
        if (urls.isEmpty() || polling != null) {
            if (urls.isEmpty()) {
                LOG.info("Webhooks are off (exotrace.webhook.urls is not set)");
            }
            return;
        }
        Optional<String> signing = settings.secret();
        if (signing.isEmpty()) {
            LOG.severe("Webhooks are not sent: exotrace.webhook.urls is set but exotrace.webhook.secret is not, and a receiver"
                    + " could not tell our events from forged ones. Events wait in the outbox; set the secret (EXOTRACE_WEBHOOK_SECRET)"
                    + " and restart to send them, signed");
            return;
        }
        secret = signing.get();
        schedule = settings.schedule();
        requestTimeout = settings.requestTimeout();
        http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        long every = settings.pollInterval().toMillis();
        polling = scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Webhooks go to " + urls + "; retries after " + schedule.initial() + " doubling up to " + schedule.max()
                + ", at most " + schedule.maxAttempts() + " attempts");
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> p = polling;
        if (p != null) {
            p.cancel(false);
        }
    }

    /** Sends what is due until nothing is; a failure of the database is logged and tried at the next poll. */
    void poll() {
        try {
            List<Deliveries.Due> due;
            do {
                Instant now = clock.instant();
                Instant leaseUntil = now.plus(settings.connectTimeout().plus(requestTimeout).multipliedBy(BATCH)).plusSeconds(30);
                due = deliveries.claim(now, leaseUntil, BATCH);
                due.forEach(this::send);
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook dispatch failed, trying again at the next poll: " + e.getMessage());
        }
    }

    private void send(Deliveries.Due d) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(d.url()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("User-Agent", "ExoTrace-Webhook/1")
                .header("X-ExoTrace-Event-Id", d.eventId().toString())
                .header("X-ExoTrace-Event-Type", d.eventType())
                .header("X-ExoTrace-Delivery-Attempt", Integer.toString(d.attempts() + 1))
                .header("X-ExoTrace-Timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(d.payload()));
        request.header("X-ExoTrace-Signature", Signatures.sign(secret, timestamp, d.payload()));
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status > 299) {
                error = "HTTP " + status;
            }
        } catch (HttpTimeoutException e) {
            error = "timed out: " + e.getMessage();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        Instant at = clock.instant();
        int attempt = d.attempts() + 1;
        if (error == null) {
            deliveries.record(d, at, status, null, ms, true, null);
            if (attempt > 1) {
                LOG.info(() -> "Webhook event " + d.eventId() + " delivered to " + d.url() + " at attempt " + attempt);
            }
            return;
        }
        Optional<Duration> wait = schedule.after(attempt);
        deliveries.record(d, at, status, error, ms, false, wait.map(at::plus).orElse(null));
        String why = error;
        if (wait.isEmpty()) {
            LOG.severe(() -> "Webhook event " + d.eventId() + " to " + d.url() + " FAILED after " + attempt + " attempts (" + why
                    + "): see GET /api/webhooks/deliveries?status=FAILED");
        } else if (attempt == 1) {
            LOG.warning(() -> "Webhook event " + d.eventId() + " to " + d.url() + " not delivered (" + why + "); retrying with backoff");
        } else {
            LOG.fine(() -> "Webhook event " + d.eventId() + " attempt " + attempt + " failed (" + why + "); next in " + wait.get());
        }
    }
}
