package org.exotrace.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Makes JWTs as an attacker (or a careless issuer) would: unsigned, HMAC-signed with the service's public key,
 * signed by another key, or signed by the service's own key with claims it must refuse. The service's key is the
 * one the server under test keeps in its data directory ({@code <exotrace.test.dir>/data/keys}).
 */
final class TokenForge {

    static final String RS256 = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

    private final RSAPrivateCrtKey serviceKey;
    private final RSAPublicKey servicePublicKey;

    private TokenForge(RSAPrivateCrtKey serviceKey) throws GeneralSecurityException {
        this.serviceKey = serviceKey;
        this.servicePublicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(serviceKey.getModulus(), serviceKey.getPublicExponent()));
    }

    /** Reads the signing key the server under test generated (PKCS#8 PEM, see SigningKeys). */
    static TokenForge ofServerUnderTest() throws IOException, GeneralSecurityException {
        Path file = Path.of(System.getProperty("exotrace.test.dir"), "data", "keys", "token-signing-key.pem");
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return new TokenForge((RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
    }

    /** The claims the service's own tokens carry, for an ADMIN, valid for an hour; change them with {@code add}. */
    static JsonObjectBuilder claims() {
        long now = Instant.now().getEpochSecond();
        return Json.createObjectBuilder().add("iss", "urn:exotrace").add("aud", "exotrace").add("sub", "admin").add("upn", "admin")
                .add("groups", Json.createArrayBuilder().add("ADMIN").add("QA").add("INVENTORY").add("NURSE"))
                .add("iat", now).add("exp", now + 3600).add("jti", UUID.randomUUID().toString());
    }

    String signed(JsonObject claims) throws GeneralSecurityException {
        return rs256(RS256, claims.toString(), serviceKey);
    }

    String signedBy(PrivateKey key, JsonObject claims) throws GeneralSecurityException {
        return rs256(RS256, claims.toString(), key);
    }

    static PrivateKey anotherKey() throws GeneralSecurityException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        return rsa.generateKeyPair().getPrivate();
    }

    /** {@code alg: none}, no signature. */
    static String unsigned(JsonObject claims, boolean trailingDot) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims.toString()) + (trailingDot ? "." : "");
    }

    /** Algorithm confusion: HS256 whose HMAC secret is the service's public key, as PEM text. */
    String hs256WithPublicKeyPem(JsonObject claims) throws GeneralSecurityException {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(servicePublicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----";
        return hs256(claims, pem.getBytes(StandardCharsets.US_ASCII));
    }

    /** Algorithm confusion: HS256 whose HMAC secret is the service's public key, as DER bytes. */
    String hs256WithPublicKeyDer(JsonObject claims) throws GeneralSecurityException {
        return hs256(claims, servicePublicKey.getEncoded());
    }

    /** The service's own signature under a header that claims ES256 (an EC verifier given an RSA key). */
    String es256HeaderOverRsaSignature(JsonObject claims) throws GeneralSecurityException {
        return rs256("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", claims.toString(), serviceKey);
    }

    /** A valid token with one byte of its payload changed (and the signature kept). */
    static String withPayloadByteChanged(String token) {
        String[] parts = token.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String json = new String(payload, StandardCharsets.UTF_8);
        int at = json.indexOf("\"upn\":\"") + 7;
        char[] chars = json.toCharArray();
        chars[at] = chars[at] == 'x' ? 'y' : 'x';
        return parts[0] + "." + b64(new String(chars)) + "." + parts[2];
    }

    private static String hs256(JsonObject claims, byte[] secret) throws GeneralSecurityException {
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims.toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String rs256(String header, String claims, PrivateKey key) throws GeneralSecurityException {
        String input = b64(header) + "." + b64(claims);
        var signature = java.security.Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
