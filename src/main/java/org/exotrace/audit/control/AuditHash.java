package org.exotrace.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The hash chain's arithmetic, in one place for the writer and the verifier. */
public final class AuditHash {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String link(String previousHash, Instant at, String actor, String action,
                              String subjectType, String subjectId, String digest) {
        return sha256(String.join("\n", previousHash, at.toString(), actor, action, subjectType, subjectId, digest));
    }
}
