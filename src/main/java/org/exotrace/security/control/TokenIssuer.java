package org.exotrace.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.security.entity.AppUser;
import org.exotrace.security.entity.Role;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs MicroProfile JWT bearer tokens (RS256) with the service's own key. Each token carries the
 * instant its user's credentials last changed ({@value #CREDENTIALS_CLAIM}, microseconds since the
 * epoch), so that a password reset, role change or disable refuses it exactly.
 */
@ApplicationScoped
public class TokenIssuer {

    public record Token(String accessToken, long expiresInSeconds) {
    }

    /** Private claim: the user's {@code credentials_changed_at} when the token was issued, in epoch microseconds. */
    public static final String CREDENTIALS_CLAIM = "exotrace_credentials";

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "exotrace.token.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "exotrace.token.audience")
    String audience;

    @Inject
    @ConfigProperty(name = "exotrace.token.lifetime")
    Duration lifetime;

    public Token issue(AppUser user) {
        SigningKeys keys = SigningKeys.get();
        long now = clock.instant().getEpochSecond();
        JsonArrayBuilder groups = Json.createArrayBuilder();
        user.roles().stream().map(Role::name).sorted().forEach(groups::add);
        String header = Json.createObjectBuilder()
                .add("alg", "RS256").add("typ", "JWT").add("kid", keys.keyId()).build().toString();
        String claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("sub", user.username())
                .add("upn", user.username())
                .add("groups", groups)
                .add("iat", now)
                .add("exp", now + lifetime.toSeconds())
                .add("jti", UUID.randomUUID().toString())
                .add(CREDENTIALS_CLAIM, epochMicros(user.credentialsChangedAt()))
                .build().toString();
        String signingInput = base64Url(header) + "." + base64Url(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
            return new Token(signingInput + "." + signature, lifetime.toSeconds());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    public static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
