package org.exotrace.coldchain.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.platform.control.SchemaReady;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the holds of every place on a timer ({@code exotrace.coldchain.hold-refresh}, default one minute): a logger that
 * falls silent sends nothing that would make them, yet its silence is an excursion once it lasts longer than the place
 * allows, and is announced by the same pass (ADR 0045). Every server may run it; a hold or notice already made is left
 * as it is.
 */
@ApplicationScoped
public class HoldTimer {

    private static final Logger LOG = Logger.getLogger(HoldTimer.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Holds holds;

    @Inject
    @ConfigProperty(name = "exotrace.coldchain.hold-refresh", defaultValue = "PT1M")
    String interval;

    private volatile ScheduledFuture<?> schedule;

    void onSchemaReady(@Observes SchemaReady ready) {
        if (schedule != null) {
            return;
        }
        long every = Math.max(1_000, Duration.parse(interval).toMillis());
        schedule = scheduler.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            int made = holds.refresh(Optional.empty());
            if (made > 0) {
                LOG.info(() -> made + " vial(s) newly held by temperature excursions");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "temperature holds not refreshed; next pass in " + interval, e);
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
    }
}
