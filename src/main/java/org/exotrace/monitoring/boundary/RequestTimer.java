package org.exotrace.monitoring.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.exotrace.platform.boundary.KnownMethods;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Latency of every API request, by endpoint ({@code method} and the {@code path} template, {@code /api/lots/{lotNumber}})
 * and {@code status}: one MicroProfile Metrics timer, {@code exotrace.http.requests}. Its Prometheus form is a histogram
 * with buckets from {@code mp.metrics.distribution.timer.buckets}, {@code _sum} and {@code _count} in seconds; Payara
 * 6.2025.10 also writes quantile, {@code _mean} and {@code _max} lines, but in nanoseconds (README, "Metrics"). Timed from before matching to the response filter:
 * the handler and the filters, not the writing of the body. A request no resource matched is under path {@code unmatched};
 * a method the service does not know under {@code OTHER} ({@link KnownMethods} refuses it after this filter started the
 * clock). The series are bounded: past {@value #MAX_SERIES}, every further combination is counted in one,
 * {@code OTHER overflow other}.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 300)
public class RequestTimer implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String NAME = "exotrace.http.requests";
    /** Far above what the API's paths, methods and statuses make (some hundreds), far below what hurts a scrape. */
    static final int MAX_SERIES = 2000;
    private static final String OVERFLOW = KnownMethods.OTHER + " overflow other";
    private static final String STARTED = RequestTimer.class.getName() + ".started";
    private static final Metadata METADATA = Metadata.builder().withName(NAME).withUnit(MetricUnits.SECONDS)
            .withDescription("API requests by method, path template and status: how long the service took to answer").build();

    private static final Logger LOG = Logger.getLogger(RequestTimer.class.getName());

    private final Map<Method, String> templates = new ConcurrentHashMap<>();
    /** The timer of each method, path and status, made once: Payara 6.2025.10 cannot make two timers at once. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry registry;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        try {
            Method method = resource == null ? null : resource.getResourceMethod();
            String path = method == null ? "unmatched" : templates.computeIfAbsent(method, m -> template(resource.getResourceClass(), m));
            timer(KnownMethods.label(request.getMethod()), path, Integer.toString(response.getStatus())).update(Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            // a metric is never worth an answer: the request's own outcome (a dose recorded, say) stands
            LOG.log(Level.WARNING, "request latency not recorded", e);
        }
    }

    /**
     * Payara's registry made two new timers at once with a {@code ConcurrentModificationException} (TimerImpl's
     * configuration check), which turned the answer of the request into a 500, even the 201 of a dose that was recorded:
     * seen when 16 nurses raced for one vial on a fresh instance. So a new timer is made by one thread at a time, and kept.
     */
    private Timer timer(String method, String path, String status) {
        String key = method + ' ' + path + ' ' + status;
        Timer timer = timers.get(key);
        if (timer != null) {
            return timer;
        }
        synchronized (timers) {
            if (timers.size() >= MAX_SERIES) {
                return timers.computeIfAbsent(OVERFLOW, k -> registry.timer(METADATA, new Tag("method", KnownMethods.OTHER),
                        new Tag("path", "overflow"), new Tag("status", "other")));
            }
            return timers.computeIfAbsent(key, k -> registry.timer(METADATA, new Tag("method", method), new Tag("path", path),
                    new Tag("status", status)));
        }
    }

    /** {@code /api/} + the class's and the method's {@code @Path}, with regular expressions left out of the parameters. */
    static String template(Class<?> type, Method method) {
        String classPath = type.isAnnotationPresent(Path.class) ? type.getAnnotation(Path.class).value() : "";
        String methodPath = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
        String path = ("/api/" + classPath + "/" + methodPath).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
