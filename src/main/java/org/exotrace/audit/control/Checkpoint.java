package org.exotrace.audit.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.time.Instant;

/**
 * A signed statement that the sealed log had {@code size} entries ending in seal {@code root} at {@code madeAt}
 * ({@code mac}: HMAC-SHA256 with the sealing key, {@code keyId} names that key). Its short form {@code size.root} is what
 * {@code GET /api/audit/verify?checkpoint=} and {@code --verify-audit --checkpoint} take; the export file holds one JSON
 * line per checkpoint.
 */
public record Checkpoint(long size, String root, Instant madeAt, String mac, String keyId) {

    /** {@code 1742.9b1f...}: enough to prove that the log still holds what it held then. */
    public String text() {
        return size + "." + root;
    }

    public boolean signedBy(byte[] key) {
        return mac != null && mac.equals(AuditHash.checkpoint(key, size, root, madeAt));
    }

    public String json() {
        return Json.createObjectBuilder().add("size", size).add("root", root).add("madeAt", madeAt.toString()).add("mac", mac)
                .add("keyId", keyId).add("checkpoint", text()).build().toString();
    }

    public static Checkpoint ofJson(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            JsonObject o = reader.readObject();
            return new Checkpoint(o.getJsonNumber("size").longValueExact(), o.getString("root"), Instant.parse(o.getString("madeAt")),
                    o.getString("mac"), o.getString("keyId"));
        }
    }

    /** The short form {@code size.root} (no MAC: the holder vouches for it); null when it is not one. */
    public static Checkpoint ofText(String text) {
        if (text == null || !text.matches("[0-9]{1,18}\\.[0-9a-f]{64}")) {
            return null;
        }
        int dot = text.indexOf('.');
        return new Checkpoint(Long.parseLong(text.substring(0, dot)), text.substring(dot + 1), null, null, null);
    }
}
