package org.exotrace.security.control;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Salted, slow password hashes: PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored as
 * {@code pbkdf2-sha256$iterations$salt$hash} so the cost can grow without breaking stored hashes: a hash made at
 * another cost than the configured one ({@code exotrace.password.iterations}) is made anew at the next sign-in.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;
    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023): the default of {@code exotrace.password.iterations}. */
    public static final int ITERATIONS = 600_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when the user is unknown, so that both refusals take the same time: one per cost in use. */
    private static final Map<Integer, String> DECOYS = new ConcurrentHashMap<>();

    private Passwords() {
    }

    public static String hash(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return format(iterations, salt, derive(password, salt, iterations));
    }

    /** Whether {@code stored} was made at another cost than {@code iterations}, so that it should be made anew. */
    public static boolean madeAtAnotherCost(String stored, int iterations) {
        String[] parts = stored.split("\\$");
        return parts.length != 4 || !Integer.toString(iterations).equals(parts[1]);
    }

    public static boolean matches(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !"pbkdf2-sha256".equals(parts[0]) || password == null) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    /** Spends the same time as a real check at this cost, for a user that does not exist. */
    public static void spendDecoyCheck(String password, int iterations) {
        matches(password == null ? "" : password, DECOYS.computeIfAbsent(iterations, cost -> hash("decoy-password-never-matches", cost)));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            var spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
