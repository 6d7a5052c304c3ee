package org.exotrace.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.platform.control.SchemaReady;
import org.exotrace.security.entity.Role;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * When no user exists yet, creates the ADMIN {@code admin} with the password from
 * {@code EXOTRACE_BOOTSTRAP_ADMIN_PASSWORD}; without that setting, nobody.
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
        if (password.get().length() < Passwords.MIN_LENGTH) {
            LOG.severe("EXOTRACE_BOOTSTRAP_ADMIN_PASSWORD is shorter than " + Passwords.MIN_LENGTH + " characters: no admin created");
            return;
        }
        users.create("admin", password.get(), Set.of(Role.ADMIN), "system");
        LOG.info("Created the bootstrap ADMIN 'admin'");
    }
}
