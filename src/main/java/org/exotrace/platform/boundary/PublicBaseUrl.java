package org.exotrace.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where absolute addresses point ({@code Location}, FHIR's {@code fullUrl} and links, the capability statement): at
 * {@code exotrace.public-base-url} when it is set, never at whatever {@code Host} a client sent. Unset, a request to a
 * loopback name ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) keeps its own, as on a workstation; any other is
 * answered with the address and port the connection arrived on. JAX-RS builds every {@code UriInfo} from the servlet
 * request's URL, which this filter gives the origin. An invalid value stops the deployment. docs/adr/0029.
 */
@WebFilter(urlPatterns = {"/api/*", "/fhir/*"}, dispatcherTypes = DispatcherType.REQUEST)
public class PublicBaseUrl extends HttpFilter {

    public static final String KEY = "exotrace.public-base-url";

    @Inject
    @ConfigProperty(name = KEY)
    Optional<String> configured;

    private Optional<URI> origin = Optional.empty();

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        try {
            origin = configured.filter(v -> !v.isBlank()).map(PublicBaseUrl::parse);
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        URI target = origin.orElseGet(() -> loopback(request.getServerName()) ? null
                : URI.create(request.getScheme() + "://" + host(request.getLocalAddr()) + ":" + request.getLocalPort()));
        chain.doFilter(target == null ? request : new Rebased(request, target), response);
    }

    /** {@code https://exotrace.clinic.example} or with a port: scheme, host and port only. */
    static URI parse(String value) {
        URI uri;
        try {
            uri = new URI(value.strip().replaceFirst("/+$", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(KEY + ": '" + value + "' is not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawPath() == null || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(KEY + ": '" + value + "' is not an http(s) scheme, host and optional port"
                    + " (https://exotrace.clinic.example)");
        }
        return uri;
    }

    /** The address with {@code origin}'s scheme, host and port, its path and query kept as sent. */
    static URI rebase(URI uri, URI origin) {
        return URI.create(origin.getScheme() + "://" + origin.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** An IP literal as a URI host: IPv6 in brackets, without its zone ({@code %eth0}). */
    private static String host(String address) {
        return address.contains(":") ? "[" + address.replaceFirst("%.*$", "") + "]" : address;
    }

    /** The request as if it had been sent to {@code origin}: its URL, scheme, server name and port. */
    private static final class Rebased extends HttpServletRequestWrapper {

        private final URI origin;

        Rebased(HttpServletRequest request, URI origin) {
            super(request);
            this.origin = origin;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(rebase(URI.create(super.getRequestURL().toString()), origin).toString());
        }

        @Override
        public String getScheme() {
            return origin.getScheme();
        }

        @Override
        public String getServerName() {
            return origin.getHost();
        }

        @Override
        public int getServerPort() {
            return origin.getPort() >= 0 ? origin.getPort() : "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
        }
    }
}
