package org.exotrace.platform.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one),
 * returns it as a header and puts it in problems and log lines, so a clinic can quote it to support.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    static final String PROPERTY = "exotrace.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        request.setProperty(PROPERTY, given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The id of the request a JAX-RS filter is looking at. */
    public static String of(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }

    /** The id of the request being served (Jersey keeps request properties as servlet attributes). */
    public static String of(jakarta.servlet.http.HttpServletRequest request) {
        Object id = request == null ? null : request.getAttribute(PROPERTY);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }
}
