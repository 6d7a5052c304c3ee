package org.exotrace.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Counts the requests in flight and, once the launcher asks it to drain (on SIGTERM), answers every new request
 * 503 {@code SHUTTING_DOWN} with {@code Connection: close}, readiness included, while those in flight finish. The
 * launcher stops Payara Micro and then PostgreSQL only when the count is zero (docs/adr/0011).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class InFlightRequests extends HttpFilter implements InFlightRequestsMBean {

    /** The name the launcher looks the filter up by. */
    public static final String OBJECT_NAME = "org.exotrace:type=InFlightRequests";
    private static final Logger LOG = Logger.getLogger(InFlightRequests.class.getName());

    private final AtomicInteger active = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
        } catch (JMException e) {
            LOG.warning("in-flight requests cannot be drained on shutdown: " + e);
        }
    }

    @Override
    public void destroy() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(OBJECT_NAME));
        } catch (JMException gone) {
            // not registered: nothing to undo
        }
        super.destroy();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        active.incrementAndGet();
        try {
            if (draining.get()) {
                refuse(response);
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            active.decrementAndGet();
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        String requestId = UUID.randomUUID().toString();
        response.setStatus(503);
        response.setHeader("Connection", "close");
        response.setHeader("Retry-After", "5");
        response.setHeader("X-Request-Id", requestId);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"urn:exotrace:problem:shutting-down\",\"title\":\"Service unavailable\",\"status\":503,"
                + "\"detail\":\"The service is stopping; nothing was done. Try again shortly.\",\"code\":\"SHUTTING_DOWN\",\"requestId\":\""
                + requestId + "\"}");
    }

    @Override
    public int getActive() {
        return active.get();
    }

    @Override
    public boolean isDraining() {
        return draining.get();
    }

    @Override
    public void drain() {
        if (!draining.getAndSet(true)) {
            LOG.info(() -> "draining: new requests are refused, " + active.get() + " in flight");
        }
    }
}
