package org.exotrace.security.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.platform.control.DatabaseConfig;
import org.exotrace.platform.control.Reads;
import org.exotrace.platform.error.DomainError;
import org.exotrace.security.entity.AppUser;
import org.exotrace.security.entity.Role;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Staff accounts: creating and administering them, finding them, checking a password, a user's own password
 * change and sign-out. Passwords follow {@link PasswordPolicy}. Every change is audited (never a password) and serialised across instances by {@link #ACCOUNTS_LOCK}, so that two
 * ADMINs disabling each other at once cannot leave nobody to administer the service.
 */
@ApplicationScoped
@Transactional
public class Users {

    /**
     * Key of the transaction-scoped PostgreSQL advisory lock that every account change takes first, so
     * the count of active ADMINs it reads is not changed by another transaction before it commits.
     */
    public static final long ACCOUNTS_LOCK = 0x4558555345525331L;

    /** Whether a user may still use a token: active, and credentials last changed at this instant. */
    public record Credentials(boolean active, Instant changedAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "exotrace.password.iterations", defaultValue = "" + Passwords.ITERATIONS)
    int iterations;

    /** An account an ADMIN creates: its password is temporary, and the user's first sign-in asks for their own. */
    public AppUser create(String username, String password, Set<Role> roles, String actor) {
        return create(username, password, true, roles, actor);
    }

    /** The first ADMIN, whose password the operator chose ({@link BootstrapAdmin}): not temporary. */
    public AppUser createBootstrapAdmin(String username, String password) {
        return create(username, password, false, Set.of(Role.ADMIN), "system");
    }

    private AppUser create(String username, String password, boolean temporary, Set<Role> roles, String actor) {
        String name = username.toLowerCase(Locale.ROOT);
        if (!AppUser.USERNAME.matcher(name).matches()) {
            throw DomainError.invalid("username", "2-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        requireAllowed("password", name, password);
        requireCompatible(roles);
        lockAccounts();
        if (find(name).isPresent()) {
            throw DomainError.conflict("USERNAME_TAKEN", "A user named '" + name + "' already exists");
        }
        AppUser user = new AppUser(name, Passwords.hash(password, iterations), temporary, roles, actor, clock.instant());
        em.persist(user);
        audit.record(actor, "USER_CREATED", "user", name, Json.createObjectBuilder()
                .add("username", name).add("roles", names(user.roles())).add("temporaryPassword", temporary).build());
        return user;
    }

    /** Disables the user: refused sign-in, every token refused. Disabling a disabled user changes nothing. */
    public AppUser disable(String username, String actor) {
        lockAccounts();
        AppUser user = existing(username);
        if (!user.active()) {
            return user;
        }
        LastAdmin.refuseRemovingTheLast(user.isActiveAdmin(), false, activeAdmins(), user.username());
        user.disable(clock.instant());
        audit.record(actor, "USER_DISABLED", "user", user.username(), Json.createObjectBuilder().add("username", user.username()).build());
        return user;
    }

    /** Lets a disabled user sign in again. Enabling an active user changes nothing. */
    public AppUser enable(String username, String actor) {
        lockAccounts();
        AppUser user = existing(username);
        if (user.active()) {
            return user;
        }
        user.enable();
        audit.record(actor, "USER_ENABLED", "user", user.username(), Json.createObjectBuilder().add("username", user.username()).build());
        return user;
    }

    /** Sets a new password chosen by an ADMIN, temporary until the user chose their own; the user's tokens are refused from now on. */
    public AppUser resetPassword(String username, String password, String actor) {
        lockAccounts();
        AppUser user = existing(username);
        requireAllowed("password", user.username(), password);
        user.resetPassword(Passwords.hash(password, iterations), actor, clock.instant());
        audit.record(actor, "USER_PASSWORD_RESET", "user", user.username(), Json.createObjectBuilder().add("username", user.username()).build());
        return user;
    }

    /**
     * The user, who has just proved their current password ({@link SignIns}), sets their own: no longer temporary,
     * and their tokens from before are refused.
     */
    public AppUser changeOwnPassword(AppUser signedIn, String newPassword) {
        requireAllowed("newPassword", signedIn.username(), newPassword);
        if (Passwords.matches(newPassword, signedIn.passwordHash())) {
            throw DomainError.invalid("newPassword", "not the password it replaces");
        }
        lockAccounts();
        AppUser user = existing(signedIn.username());
        user.changeOwnPassword(Passwords.hash(newPassword, iterations), clock.instant());
        audit.record(user.username(), "USER_PASSWORD_CHANGED", "user", user.username(), Json.createObjectBuilder()
                .add("username", user.username()).add("wasTemporary", signedIn.passwordTemporary()).build());
        return user;
    }

    /** Signs the user out everywhere: every token of theirs issued until now is refused. */
    public AppUser signOut(String username) {
        lockAccounts();
        AppUser user = existing(username);
        user.signOut(clock.instant());
        audit.record(user.username(), "USER_SIGNED_OUT", "user", user.username(), Json.createObjectBuilder().add("username", user.username()).build());
        return user;
    }

    /** Gives the user exactly these roles; the user's tokens (which carry the old ones) are refused from now on. */
    public AppUser changeRoles(String username, Set<Role> roles, String actor) {
        if (roles == null || roles.isEmpty()) {
            throw DomainError.invalid("roles", "at least one role");
        }
        requireCompatible(roles);
        lockAccounts();
        AppUser user = existing(username);
        Set<Role> before = EnumSet.copyOf(user.roles());
        if (before.equals(roles)) {
            return user;
        }
        LastAdmin.refuseRemovingTheLast(user.isActiveAdmin(), user.active() && roles.contains(Role.ADMIN), activeAdmins(), user.username());
        user.changeRoles(roles, clock.instant());
        audit.record(actor, "USER_ROLES_CHANGED", "user", user.username(), Json.createObjectBuilder()
                .add("username", user.username()).add("from", names(before)).add("to", names(roles)).build());
        return user;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppUser> find(String username) {
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        if (!AppUser.USERNAME.matcher(name).matches()) {
            return Optional.empty(); // no such user can exist; and the name never reaches SQL
        }
        return em.createQuery("SELECT u FROM AppUser u WHERE u.username = :name", AppUser.class)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    /** Read over plain JDBC by column name ({@link Reads}): every authenticated request makes it (ADR 0019, 0036). */
    private static final String CREDENTIALS = "SELECT active, credentials_changed_at AS changed_at FROM app_user WHERE username = ?";

    /** One lookup by the unique username, without the roles: what every authenticated request checks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Credentials> credentials(String username) {
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        if (!AppUser.USERNAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Reads.first(dataSource, Credentials.class, CREDENTIALS, name);
    }

    /** The active user with this name and password; an unknown name costs as much time as a wrong password. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppUser> authenticate(String username, String password) {
        Optional<AppUser> user = find(username).filter(AppUser::active);
        if (user.isEmpty()) {
            Passwords.spendDecoyCheck(password, iterations);
            return Optional.empty();
        }
        Optional<AppUser> matched = user.filter(u -> Passwords.matches(password, u.passwordHash()));
        // A hash of another cost is made anew now that the password is known; it is written with the caller's
        // transaction (a sign-in's), and not at all without one.
        matched.filter(u -> Passwords.madeAtAnotherCost(u.passwordHash(), iterations))
                .ifPresent(u -> u.rehashPassword(Passwords.hash(password, iterations)));
        return matched;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM AppUser u", Long.class).getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppUser> list(int page, int size) {
        return em.createQuery("SELECT u FROM AppUser u ORDER BY u.username", AppUser.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    private AppUser existing(String username) {
        return find(username).orElseThrow(() -> DomainError.notFound("User", username));
    }

    private long activeAdmins() {
        return em.createQuery("SELECT COUNT(u) FROM AppUser u JOIN u.roles r WHERE u.active = TRUE AND r = :admin", Long.class)
                .setParameter("admin", Role.ADMIN).getSingleResult();
    }

    private void lockAccounts() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, ACCOUNTS_LOCK).getSingleResult();
    }

    private static void requireAllowed(String field, String username, String password) {
        PasswordPolicy.refusal(username, password).ifPresent(reason -> {
            throw DomainError.invalid(field, reason);
        });
    }

    private static void requireCompatible(Set<Role> roles) {
        if (roles != null && !AppUser.compatible(roles)) {
            throw DomainError.invalid("ROLES_INCOMPATIBLE", "roles",
                    "ADMIN and QA are never one account's: an ADMIN who could also sign releases could sign as anyone whose password they set");
        }
    }

    private static JsonArrayBuilder names(Collection<Role> roles) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        roles.stream().map(Role::name).sorted().forEach(names::add);
        return names;
    }
}
