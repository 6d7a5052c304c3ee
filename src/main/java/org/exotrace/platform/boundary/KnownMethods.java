package org.exotrace.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.exotrace.platform.problem.Problems;
import org.exotrace.platform.problem.RequestIds;

import java.util.Set;

/**
 * The HTTP methods the service knows. Any other method name ({@code SECPROBE0 /api/users}) is refused before
 * matching or authentication with 405 {@code METHOD_NOT_ALLOWED}, as a known method a resource does not take (a 4xx,
 * not RFC 9110's 501: a scanner's probes are the client's fault and must not page whoever watches the 5xx rate), and
 * counted by the metrics as {@value #OTHER}: a client inventing method names must not make a metric series with each.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class KnownMethods implements ContainerRequestFilter {

    public static final Set<String> NAMES = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    public static final String OTHER = "OTHER";

    @Override
    public void filter(ContainerRequestContext request) {
        if (!NAMES.contains(request.getMethod())) {
            request.abortWith(Problems.response(405, "METHOD_NOT_ALLOWED", "Method Not Allowed",
                    "The service knows the methods " + String.join(", ", NAMES.stream().sorted().toList()) + " only",
                    RequestIds.of(request)));
        }
    }

    /** The method as metrics name it: itself when known, else {@value #OTHER}. */
    public static String label(String method) {
        return NAMES.contains(method) ? method : OTHER;
    }
}
