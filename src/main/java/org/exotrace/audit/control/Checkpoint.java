package org.exotrace.audit.control;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed statement that the sealed log had {@code size} entries ending in seal {@code root} at {@code madeAt}
 * ({@code mac}: HMAC-SHA256 with the sealing key, {@code keyId} names that key). Its short form {@code size.root} is what
 * {@code GET /api/audit/verify?checkpoint=} and {@code --verify-audit --checkpoint} take; the export file holds one JSON
 * line per checkpoint. Plain Java, no JSON-P: the command line's verify runs it without the server's libraries.
 */
public record Checkpoint(long size, String root, Instant madeAt, String mac, String keyId) {

    private static final Pattern LINE = Pattern.compile("\\{\"size\":([0-9]{1,18}),\"root\":\"([0-9a-f]{64})\",\"madeAt\":\"([^\"]{1,40})\","
            + "\"mac\":\"([0-9a-f]{64})\",\"keyId\":\"([0-9a-f]{16})\"(,\"checkpoint\":\"[^\"]*\")?}");

    /** {@code 1742.9b1f...}: enough to prove that the log still holds what it held then. */
    public String text() {
        return size + "." + root;
    }

    public boolean signedBy(byte[] key) {
        return mac != null && mac.equals(AuditHash.checkpoint(key, size, root, madeAt));
    }

    /** The export file's line: every member is digits, hex or an ISO instant, so it needs no escaping. */
    public String json() {
        return "{\"size\":" + size + ",\"root\":\"" + root + "\",\"madeAt\":\"" + madeAt + "\",\"mac\":\"" + mac + "\",\"keyId\":\""
                + keyId + "\",\"checkpoint\":\"" + text() + "\"}";
    }

    /** Reads a line {@link #json()} wrote; anything else is an IllegalArgumentException. */
    public static Checkpoint ofJson(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an audit checkpoint line: " + line);
        }
        return new Checkpoint(Long.parseLong(m.group(1)), m.group(2), Instant.parse(m.group(3)), m.group(4), m.group(5));
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
