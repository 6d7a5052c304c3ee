package org.exotrace.security.control;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives MicroProfile JWT the public half of the service's own signing key as
 * {@code mp.jwt.verify.publickey}. Its ordinal is low (110): an operator who sets the key, or an
 * external issuer's, by environment or system property overrides it.
 */
public class SigningKeyConfigSource implements ConfigSource {

    static final String KEY = "mp.jwt.verify.publickey";
    private static final Logger LOG = Logger.getLogger(SigningKeyConfigSource.class.getName());

    @Override
    public Set<String> getPropertyNames() {
        return externalKeyLocation() ? Set.of() : Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!KEY.equals(propertyName) || externalKeyLocation()) {
            return null;
        }
        try {
            return SigningKeys.get().publicKeyPem();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "No token signing key: nobody can sign in", e);
            return null;
        }
    }

    /**
     * MP JWT refuses to start when both {@code mp.jwt.verify.publickey} and {@code ...publickey.location}
     * are set: an operator who points it at an external issuer's key location gets that key alone.
     */
    static boolean externalKeyLocation() {
        return System.getProperty(KEY + ".location") != null || System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION") != null;
    }

    @Override
    public String getName() {
        return "exotrace-signing-key";
    }

    @Override
    public int getOrdinal() {
        return 110;
    }
}
