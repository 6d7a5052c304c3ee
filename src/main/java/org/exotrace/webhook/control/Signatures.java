package org.exotrace.webhook.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The webhook signature: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the shared secret, of
 * {@code timestamp + "." + body}, where timestamp is the {@code X-ExoTrace-Timestamp} header (Unix seconds) and body
 * the raw request body. Signing the timestamp with the body lets a receiver refuse a replayed request.
 */
public final class Signatures {

    private Signatures() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
