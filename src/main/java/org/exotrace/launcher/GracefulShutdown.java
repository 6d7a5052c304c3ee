package org.exotrace.launcher;

import sun.misc.Signal;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The order of a stop (docs/adr/0011): on SIGTERM or SIGINT the application refuses new requests (503
 * {@code SHUTTING_DOWN}) and the launcher waits, at most the drain timeout, until those in flight are answered;
 * then the JVM exits with 0, Payara Micro's own shutdown hook stops the server, and only after it the embedded
 * PostgreSQL is stopped.
 */
final class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    /** {@code org.exotrace.platform.boundary.InFlightRequests#OBJECT_NAME}; the launcher cannot see the WAR's classes. */
    static final String IN_FLIGHT = "org.exotrace:type=InFlightRequests";

    private final Duration drainTimeout;
    private volatile boolean stopping;

    private GracefulShutdown(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    /** Replaces the JVM's own answer to SIGTERM and SIGINT (run the hooks, exit 143 or 130) with a drain first. */
    static void onSignals(Duration drainTimeout) {
        GracefulShutdown shutdown = new GracefulShutdown(drainTimeout);
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> shutdown.begin(signal.getName()));
        }
    }

    private void begin(String signal) {
        if (stopping) {
            return;
        }
        stopping = true;
        Thread stop = new Thread(() -> {
            LOG.info(() -> "SIG" + signal + ": refusing new requests, draining those in flight (at most " + drainTimeout + ")");
            int left = drain();
            if (left > 0) {
                LOG.warning(left + " requests still in flight after " + drainTimeout + ": stopping anyway");
            }
            System.exit(0);
        }, "exotrace-drain");
        stop.start();
    }

    /** Asks the application to drain and waits until nothing is in flight; the number left when the time is up. */
    private int drain() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(IN_FLIGHT);
            if (!server.isRegistered(name)) {
                return 0; // not deployed (yet): nothing is served
            }
            server.invoke(name, "drain", new Object[0], new String[0]);
            long deadline = System.nanoTime() + drainTimeout.toNanos();
            int active = (Integer) server.getAttribute(name, "Active");
            while (active > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                active = (Integer) server.getAttribute(name, "Active");
            }
            return active;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            LOG.warning("cannot drain the requests in flight: " + e);
            return 0;
        }
    }

    /**
     * The shutdown hooks registered so far, other than {@code except}, so that a hook can wait for them. Reads the JDK's
     * registry (opened to the launcher by its manifest's {@code Add-Opens: java.base/java.lang}); empty if it cannot.
     */
    static List<Thread> hooks() {
        try {
            Class<?> registry = Class.forName("java.lang.ApplicationShutdownHooks");
            Field field = registry.getDeclaredField("hooks");
            field.setAccessible(true);
            synchronized (registry) {
                Map<?, ?> hooks = (Map<?, ?>) field.get(null);
                return hooks == null ? List.of() : new ArrayList<>(hooks.keySet().stream().map(Thread.class::cast).toList());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning("cannot read the shutdown hooks; PostgreSQL may stop before Payara Micro has: " + e);
            return List.of();
        }
    }
}
