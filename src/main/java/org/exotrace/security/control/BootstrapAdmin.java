package org.exotrace.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.platform.control.SchemaReady;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * When no user exists yet, creates the ADMIN {@code admin} with the password from
 * {@code EXOTRACE_BOOTSTRAP_ADMIN_PASSWORD} (the operator's own choice, so not temporary; it must pass
 * {@link PasswordPolicy}); without that setting, nobody.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    @Inject
    Users users;

    @Inject
    @ConfigProperty(name = "exotrace.bootstrap-admin-password")
    Optional<String> password;

    void onSchemaReady(@Observes SchemaReady ready) {
        if (users.count() > 0) {
            return;
        }
        if (password.isEmpty()) {
            LOG.warning("No user exists and EXOTRACE_BOOTSTRAP_ADMIN_PASSWORD is not set: nobody can sign in yet");
            return;
        }
        Optional<String> refusal = PasswordPolicy.refusal("admin", password.get());
        if (refusal.isPresent()) {
            LOG.severe("EXOTRACE_BOOTSTRAP_ADMIN_PASSWORD must be " + refusal.get() + ": no admin created");
            return;
        }
        users.createBootstrapAdmin("admin", password.get());
        LOG.info("Created the bootstrap ADMIN 'admin'");
    }
}
