package org.exotrace.testing;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The service's webhooks as a receiver gets them: a JDK {@code HttpServer} on the loopback port that arquillian.xml hands
 * to the service ({@link TestDatabase#WEBHOOK_PORT}), answering 200 (or 500 the first time for a lot in
 * {@link #refuseFirst}). A JUnit extension of a test class ({@code @RegisterExtension static}): it listens from before
 * the class's first test to after its last, one class at a time.
 */
public final class WebhookReceiver implements BeforeAllCallback, AfterAllCallback {

    /** The secret arquillian.xml gives the service. */
    public static final String SECRET = "it-webhook-secret";

    /** One webhook request as the receiver got it, and what it answered. */
    public record Received(Map<String, String> headers, String body, JsonObject json, int answered, Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** Whether the signature header is the HMAC of the timestamp header and the body with {@link #SECRET}. */
        public boolean signed() {
            return hmac(header("X-ExoTrace-Timestamp"), body).equals(header("X-ExoTrace-Signature"));
        }
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Lots whose first webhook the receiver answers with a 500. */
    public final Set<String> refuseFirst = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeAll(ExtensionContext context) {
        int port = Integer.parseInt(System.getProperty(TestDatabase.WEBHOOK_PORT));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive webhooks on port " + port, e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonObject json = Json.createReader(new StringReader(body)).readObject();
            int status = refuseFirst.remove(json.getString("lotNumber", "")) ? 500 : 200;
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(headers, body, json, status, Instant.now()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** What came so far that matches. */
    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** At least {@code count} webhooks that match, waiting up to a minute for them. */
    public List<Received> await(Predicate<Received> which, int count) {
        return await(which, count, Duration.ofSeconds(60));
    }

    /** At least {@code count} webhooks that match, waiting up to {@code patience} for them. */
    public List<Received> await(Predicate<Received> which, int count, Duration patience) {
        Instant until = Instant.now().plus(patience);
        List<Received> found = List.of();
        while (Instant.now().isBefore(until)) {
            found = received(which);
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " webhook(s), got " + found);
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body} with {@link #SECRET}, as a receiver checks it. */
    public static String hmac(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop(0);
        }
    }
}
