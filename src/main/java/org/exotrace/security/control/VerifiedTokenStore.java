package org.exotrace.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asked before MicroProfile JWT's own identity store (a lower priority is asked first): answers a bearer token that
 * {@link VerifiedTokens} remembers with the principal and groups MicroProfile JWT made for it, and says "not validated"
 * for any other credential, which then goes to MicroProfile JWT's store and is verified in full. It keeps the default
 * validation types (validate and provide groups): Soteria takes a valid result's groups only from a store that provides
 * groups.
 */
@ApplicationScoped
public class VerifiedTokenStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(VerifiedTokenStore.class.getName());

    /** Payara's MicroProfile JWT credential; its class is Payara's own, so it is read through its public getter. */
    static final String SIGNED_JWT_CREDENTIAL = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";

    private final ConcurrentMap<Class<?>, Optional<MethodHandle>> tokenGetters = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokens tokens;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        return token(credential)
                .flatMap(tokens::recall)
                .flatMap(caller -> caller.callerPrincipal().map(p -> new CredentialValidationResult(p, caller.groups())))
                .orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }

    @Override
    public int priority() {
        return 10;
    }

    private Optional<String> token(Credential credential) {
        if (credential == null || !credential.getClass().getName().equals(SIGNED_JWT_CREDENTIAL)) {
            return Optional.empty();
        }
        Optional<MethodHandle> getter = tokenGetters.computeIfAbsent(credential.getClass(), VerifiedTokenStore::getter);
        try {
            return getter.isPresent() ? Optional.ofNullable((String) getter.get().invoke(credential)) : Optional.empty();
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "Could not read the bearer token of " + SIGNED_JWT_CREDENTIAL + "; verifying in full", e);
            return Optional.empty();
        }
    }

    private static Optional<MethodHandle> getter(Class<?> credentialClass) {
        try {
            return Optional.of(MethodHandles.publicLookup().findVirtual(credentialClass, "getSignedJWT", MethodType.methodType(String.class)));
        } catch (ReflectiveOperationException e) {
            LOG.log(Level.WARNING, SIGNED_JWT_CREDENTIAL + " has no getSignedJWT(): verified tokens are not remembered", e);
            return Optional.empty();
        }
    }
}
