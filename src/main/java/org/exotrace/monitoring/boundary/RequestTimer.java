package org.exotrace.monitoring.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
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

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latency of every API request, by endpoint ({@code method} and the {@code path} template, {@code /api/lots/{lotNumber}})
 * and {@code status}: one MicroProfile Metrics timer, {@code exotrace.http.requests}. Its Prometheus form is a histogram
 * with buckets from {@code mp.metrics.distribution.timer.buckets}, {@code _sum} and {@code _count} in seconds; Payara
 * 6.2025.10 also writes quantile, {@code _mean} and {@code _max} lines, but in nanoseconds (README, "Metrics"). Timed from before matching to the response filter:
 * the handler and the filters, not the writing of the body. A request no resource matched is under path {@code unmatched}.
 */
@Provider
@PreMatching
@ApplicationScoped
public class RequestTimer implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String NAME = "exotrace.http.requests";
    private static final String STARTED = RequestTimer.class.getName() + ".started";
    private static final Metadata METADATA = Metadata.builder().withName(NAME).withUnit(MetricUnits.SECONDS)
            .withDescription("API requests by method, path template and status: how long the service took to answer").build();

    private final Map<Method, String> templates = new ConcurrentHashMap<>();

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
        Method method = resource == null ? null : resource.getResourceMethod();
        String path = method == null ? "unmatched" : templates.computeIfAbsent(method, m -> template(resource.getResourceClass(), m));
        registry.timer(METADATA, new Tag("method", request.getMethod()), new Tag("path", path),
                new Tag("status", Integer.toString(response.getStatus()))).update(Duration.ofNanos(System.nanoTime() - started));
    }

    /** {@code /api/} + the class's and the method's {@code @Path}, with regular expressions left out of the parameters. */
    static String template(Class<?> type, Method method) {
        String classPath = type.isAnnotationPresent(Path.class) ? type.getAnnotation(Path.class).value() : "";
        String methodPath = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
        String path = ("/api/" + classPath + "/" + methodPath).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
