package org.exotrace.audit.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The audit trail's arithmetic, in one place for the writer, the sealer and the verifiers (docs/adr/0038): an entry's
 * digest and leaf hash, the keyed chain of seals, and a checkpoint's MAC. The legacy hash chain ({@link #link}) is what
 * entries written before V21 carry; it is checked once, when they are sealed.
 */
public final class AuditHash {

    /** The previous hash of the first entry, and the seal before position 1. */
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

    /** The legacy chain's link (entries written before V21 carry it in {@code hash}). */
    public static String link(String previousHash, Instant at, String actor, String action,
                              String subjectType, String subjectId, String digest) {
        return sha256(String.join("\n", previousHash, at.toString(), actor, action, subjectType, subjectId, digest));
    }

    /** What a seal covers of one entry: its number, time, actor, action, subject and the digest of its change. */
    public static String leaf(long seq, Instant at, String actor, String action, String subjectType, String subjectId, String digest) {
        return sha256(String.join("\n", "entry", Long.toString(seq), at.toString(), actor, action, subjectType, subjectId, digest));
    }

    /** The seal at {@code position}: keyed, so that nobody without the key can recompute it after a rewrite. */
    public static String seal(byte[] key, String previousSeal, long position, String leaf) {
        return hmac(key, String.join("\n", "seal", previousSeal, Long.toString(position), leaf));
    }

    /** A checkpoint's MAC over the log's size, its last seal (the root) and when it was made. */
    public static String checkpoint(byte[] key, long size, String root, Instant madeAt) {
        return hmac(key, String.join("\n", "checkpoint", Long.toString(size), root, madeAt.toString()));
    }

    /** A key's public name: the first 16 hex digits of its SHA-256 (never the key). */
    public static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
