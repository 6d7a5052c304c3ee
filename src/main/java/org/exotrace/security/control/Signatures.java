package org.exotrace.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.exotrace.platform.error.DomainError;
import org.exotrace.security.entity.AppUser;
import org.exotrace.security.entity.Role;

import java.util.logging.Logger;

/**
 * An electronic signature: the signed-in user enters the password again (a lot's release, a dose's correction). The
 * attempt is counted, locked and audited as a sign-in is ({@link SignIns#reauthenticate}, in a transaction of its own,
 * so that a refusal is recorded although the signing transaction rolls back). An account that also holds ADMIN, or
 * whose password is an ADMIN's temporary one, may not sign.
 */
@ApplicationScoped
public class Signatures {

    private static final Logger LOG = Logger.getLogger(Signatures.class.getName());

    @Inject
    SignIns signIns;

    /** The signer's account, or the refusal; {@code what} names what is signed, for the log. */
    public AppUser require(String signer, String password, String address, String what) {
        SignIns.Outcome check = signIns.reauthenticate(signer, password, address);
        if (check instanceof SignIns.Locked locked) {
            throw DomainError.lockedOut("SIGN_IN_LOCKED", "Signing is locked after repeated wrong "
                    + "passwords for this user or from this address, as sign-in is: try again after " + locked.until() + "; nothing was signed");
        }
        if (!(check instanceof SignIns.Granted granted)) {
            LOG.warning(() -> "signature of " + what + " refused: wrong password for " + signer);
            throw DomainError.forbidden("SIGNATURE_REFUSED", "The password does not match the signed-in user: nothing was signed");
        }
        AppUser account = granted.user();
        if (account.roles().contains(Role.ADMIN)) {
            // an account from before ADMIN and the signing roles were kept apart: an ADMIN sets others' passwords, so may not sign
            throw DomainError.forbidden("SIGNER_IS_ADMIN",
                    "This account also holds ADMIN, and an ADMIN may not sign: ask an ADMIN to take one of the two roles; nothing was signed");
        }
        if (account.passwordTemporary()) {
            throw DomainError.forbidden("PASSWORD_CHANGE_REQUIRED",
                    "This password was set by an ADMIN: choose your own (POST /api/auth/password) before signing; nothing was signed")
                    .titled("Password change required");
        }
        return account;
    }
}
