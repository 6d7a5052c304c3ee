package org.exotrace.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock the service reads time from, so that rules about dates are testable. Instants are
 * UTC; dates (expiry, "today") are the clinic's, in {@code exotrace.clinic.time-zone}: a vial that
 * expires on 24 November may not be given at 08:00 on the 25th in Tokyo, though it is still the 24th in UTC.
 */
@ApplicationScoped
public class ClockProducer {

    @Inject
    @ConfigProperty(name = "exotrace.clinic.time-zone", defaultValue = "Asia/Tokyo")
    String zone;

    @Produces
    Clock clock() {
        return Clock.system(ZoneId.of(zone));
    }
}
