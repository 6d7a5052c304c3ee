package org.exotrace.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether a verified token of this service is still honoured. MicroProfile JWT checks signature, issuer,
 * audience and expiry, statelessly; this adds the state: the token's user is active, and the token was
 * issued under the user's current credentials (same {@link TokenIssuer#CREDENTIALS_CLAIM}; a token
 * without that claim must be issued no earlier than the second the credentials changed). One lookup by
 * the unique username, no cache, so a disable or reset takes effect at the next request on every instance.
 * Tokens of another issuer (when configuration trusts an external one) are that issuer's to revoke.
 */
@ApplicationScoped
public class RevokedTokens {

    @Inject
    Users users;

    @Inject
    @ConfigProperty(name = "exotrace.token.issuer")
    String issuer;

    /** Seconds of clock skew allowed, as MicroProfile JWT allows them for {@code exp} (none unless configured). */
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "0")
    long clockSkewSeconds;

    @Inject
    Clock clock;

    /**
     * Whether the token says it is not valid yet: an {@code nbf} after now (with the configured skew). Payara's
     * MicroProfile JWT does not check {@code nbf}; any issuer's token is checked here.
     */
    public boolean notYetValid(JsonWebToken token) {
        return notYetValid(stamp(token.getClaim("nbf")), clock.instant().getEpochSecond(), clockSkewSeconds);
    }

    static boolean notYetValid(OptionalLong notBefore, long nowSecond, long skewSeconds) {
        return notBefore.isPresent() && notBefore.getAsLong() > nowSecond + skewSeconds;
    }

    public boolean revoked(JsonWebToken token) {
        if (!issuer.equals(token.getIssuer())) {
            return false;
        }
        String subject = token.getSubject() != null ? token.getSubject() : token.getName();
        return !honoured(users.credentials(subject), stamp(token.getClaim(TokenIssuer.CREDENTIALS_CLAIM)), token.getIssuedAtTime());
    }

    /** The rule itself: an active user, and the token issued under their current credentials. */
    static boolean honoured(Optional<Users.Credentials> credentials, OptionalLong stampMicros, long issuedAtSeconds) {
        if (credentials.isEmpty() || !credentials.get().active()) {
            return false;
        }
        if (stampMicros.isPresent()) {
            return stampMicros.getAsLong() == TokenIssuer.epochMicros(credentials.get().changedAt());
        }
        return issuedAtSeconds >= credentials.get().changedAt().getEpochSecond();
    }

    /** The claim as a number, whichever form the JWT implementation hands it in. */
    static OptionalLong stamp(Object claim) {
        try {
            if (claim instanceof JsonNumber n) {
                return OptionalLong.of(n.longValueExact());
            }
            if (claim instanceof Number n) {
                return OptionalLong.of(n.longValue());
            }
            if (claim instanceof JsonString s) {
                return OptionalLong.of(Long.parseLong(s.getString()));
            }
            if (claim instanceof String s) {
                return OptionalLong.of(Long.parseLong(s));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return OptionalLong.of(Long.MIN_VALUE); // present but not ours: matches nothing
        }
        return OptionalLong.empty();
    }
}
