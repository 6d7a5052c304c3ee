package org.exotrace.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.entity.AppUser;
import org.exotrace.security.entity.Role;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Staff accounts: creating them, finding them, checking a password. */
@ApplicationScoped
@Transactional
public class Users {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public AppUser create(String username, String password, Set<Role> roles, String actor) {
        String name = username.toLowerCase();
        if (!AppUser.USERNAME.matcher(name).matches()) {
            throw ProblemException.invalid("username", "2-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (password.length() < Passwords.MIN_LENGTH) {
            throw ProblemException.invalid("password", "at least " + Passwords.MIN_LENGTH + " characters");
        }
        if (find(name).isPresent()) {
            throw ProblemException.conflict("USERNAME_TAKEN", "A user named '" + name + "' already exists");
        }
        AppUser user = new AppUser(name, Passwords.hash(password), roles, actor, clock.instant());
        em.persist(user);
        var rolesJson = Json.createArrayBuilder();
        user.roles().stream().map(Role::name).sorted().forEach(rolesJson::add);
        audit.record(actor, "USER_CREATED", "user", name, Json.createObjectBuilder()
                .add("username", name).add("roles", rolesJson).build());
        return user;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppUser> find(String username) {
        return em.createQuery("SELECT u FROM AppUser u WHERE u.username = :name", AppUser.class)
                .setParameter("name", username == null ? "" : username.toLowerCase())
                .getResultStream().findFirst();
    }

    /** The active user with this name and password; an unknown name costs as much time as a wrong password. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppUser> authenticate(String username, String password) {
        Optional<AppUser> user = find(username).filter(AppUser::active);
        if (user.isEmpty()) {
            Passwords.spendDecoyCheck(password);
            return Optional.empty();
        }
        return user.filter(u -> Passwords.matches(password, u.passwordHash()));
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
}
