package org.exotrace.security.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The RSA key pair the service signs its tokens with: generated on first start and kept in
 * {@code <exotrace.data.dir>/keys/token-signing-key.pem} (owner-only), so that tokens survive a
 * restart. One per application (a plain holder, since MicroProfile Config needs it before CDI is up).
 */
public final class SigningKeys {

    private static volatile SigningKeys current;

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    private SigningKeys(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = fingerprint(publicKey);
    }

    public static SigningKeys get() {
        SigningKeys keys = current;
        if (keys == null) {
            synchronized (SigningKeys.class) {
                keys = current;
                if (keys == null) {
                    keys = loadOrCreate(dataDirectory().resolve("keys").resolve("token-signing-key.pem"));
                    current = keys;
                }
            }
        }
        return keys;
    }

    static Path dataDirectory() {
        String dir = System.getProperty("exotrace.data.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("EXOTRACE_DATA_DIR");
        }
        return Path.of(dir == null || dir.isBlank() ? "data" : dir);
    }

    static SigningKeys loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return fromPem(Files.readString(file));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, pem(pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return fromPem(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the token signing key at " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the token signing key at " + file, e);
        }
    }

    static SigningKeys fromPem(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        var privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        var publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new SigningKeys(privateKey, publicKey);
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String fingerprint(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The public key as PEM, the form {@code mp.jwt.verify.publickey} takes. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }
}
