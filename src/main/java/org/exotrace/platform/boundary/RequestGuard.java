package org.exotrace.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.platform.problem.Problem;
import org.exotrace.platform.problem.Problems;
import org.exotrace.platform.problem.RequestIds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The API's edge: after authentication and role checks, before a resource reads anything, it refuses a body
 * over {@code exotrace.http.max-body-bytes} (413, by {@code Content-Length} or while reading a chunked one),
 * and a body, path or query whose text {@link RequestText} does not accept (400). Nothing is read further and
 * nothing is written. An accepted body is handed on as the bytes that were checked.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class RequestGuard implements ContainerRequestFilter {

    /** The largest buffer a body's reading starts with ({@link #readAtMost}). */
    static final int FIRST_BUFFER_CAP = 64 * 1024;

    @Inject
    @ConfigProperty(name = "exotrace.http.max-body-bytes")
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Optional<RequestText.Refusal> uri = RequestText.ofUri("path", request.getUriInfo().getRequestUri().getRawPath())
                .or(() -> RequestText.ofUri("query", request.getUriInfo().getRequestUri().getRawQuery()));
        if (uri.isPresent()) {
            refuse(request, 400, uri.get());
            return;
        }
        long limit = Math.min(Math.max(maxBodyBytes, 0), Integer.MAX_VALUE - 16);
        if (request.getLength() > limit) {
            tooLarge(request, limit);
            return;
        }
        if (!request.hasEntity()) {
            return;
        }
        byte[] body;
        try (InputStream in = request.getEntityStream()) {
            body = readAtMost(in, (int) limit, request.getLength());
        }
        if (body.length > limit) {
            tooLarge(request, limit);
            return;
        }
        MediaType type = request.getMediaType();
        boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        if (json || type != null && "text".equals(type.getType())) {
            Optional<RequestText.Refusal> text;
            try {
                text = RequestText.ofBody(body, json, charset(type));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                request.abortWith(Problems.response(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type",
                        "The charset of the Content-Type is not known: send UTF-8", RequestIds.of(request)));
                return;
            }
            if (text.isPresent()) {
                refuse(request, 400, text.get());
                return;
            }
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    /**
     * The body, or its first {@code limit + 1} bytes when it is longer (the caller refuses it then). The buffer starts at
     * the declared length ({@code Content-Length}, -1 when chunked) plus one byte, so a scan's 100-byte body costs about
     * 100 bytes, not the 8 KiB a first {@link InputStream#readNBytes(int)} chunk takes; it grows by doubling otherwise.
     * It starts at no more than {@value #FIRST_BUFFER_CAP} bytes whatever the declared length, so memory follows the bytes
     * that arrive: a client declaring 8 MiB and sending nothing holds 64 KiB, not 8 MiB.
     */
    static byte[] readAtMost(InputStream in, int limit, long declaredLength) throws IOException {
        int first = declaredLength >= 0 && declaredLength <= limit
                ? (int) Math.min(declaredLength + 1, FIRST_BUFFER_CAP) : Math.min(limit + 1, 1024);
        byte[] buf = new byte[Math.max(first, 1)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n > limit) {
                    return buf;
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) limit + 1, 2L * buf.length));
            }
            int read = in.read(buf, n, buf.length - n);
            if (read < 0) {
                return n == buf.length ? buf : Arrays.copyOf(buf, n);
            }
            n += read;
        }
    }

    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return name == null ? StandardCharsets.UTF_8 : Charset.forName(name.strip());
    }

    private static void tooLarge(ContainerRequestContext request, long limit) {
        request.abortWith(Problems.response(413, "BODY_TOO_LARGE", "Content Too Large",
                "The body is larger than " + limit + " bytes; nothing was read or written", RequestIds.of(request)));
    }

    private static void refuse(ContainerRequestContext request, int status, RequestText.Refusal refusal) {
        String title = "MALFORMED_JSON".equals(refusal.code()) ? "The body is not the JSON expected" : "The request holds characters that cannot be kept";
        request.abortWith(Problems.response(status, refusal.code(), title, refusal.message() + "; nothing was written", RequestIds.of(request),
                List.of(new Problem.FieldError(refusal.field(), refusal.message())), null));
    }
}
