package org.exotrace.security.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A member of staff (or an integration's account) who signs in. Equal by username. An ADMIN disables
 * and enables it, resets its password and changes its roles; the user changes their own password and signs
 * out; each of those except enabling moves {@code credentialsChangedAt}, and a token issued before that
 * instant is no longer honoured. A password an ADMIN set is temporary until the user chose their own. An
 * account holds ADMIN or QA, never both.
 */
@Entity
@Table(name = "app_user")
public class AppUser {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "credentials_changed_at", nullable = false)
    private Instant credentialsChangedAt;

    /** Set by an ADMIN, at creation or by a reset: the user must choose their own before anything else. */
    @Column(name = "password_temporary", nullable = false)
    private boolean passwordTemporary;

    @Column(name = "password_reset_at")
    private Instant passwordResetAt;

    @Column(name = "password_reset_by")
    private String passwordResetBy;

    protected AppUser() {
    }

    /**
     * A new account. {@code temporaryPassword}: the password was chosen by the ADMIN who creates it, not by the user
     * (false only for the bootstrap ADMIN, whose password the operator chose).
     */
    public AppUser(String username, String passwordHash, boolean temporaryPassword, Set<Role> roles, String createdBy, Instant createdAt) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 2-63 lower-case letters, digits, '.', '_' or '-'");
        }
        requireCompatible(roles);
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.roles = EnumSet.copyOf(roles);
        this.active = true;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.credentialsChangedAt = stored(createdAt);
        this.passwordTemporary = temporaryPassword;
    }

    /** ADMIN administers the accounts, QA signs releases: one person holding both could sign as anyone (issue 26). */
    public static boolean compatible(Set<Role> roles) {
        return !(roles.contains(Role.ADMIN) && roles.contains(Role.QA));
    }

    private static void requireCompatible(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        if (!compatible(roles)) {
            throw new IllegalArgumentException("an account holds ADMIN or QA, not both");
        }
    }

    /** Signs it out everywhere and refuses its sign-in until enabled again. */
    public void disable(Instant at) {
        if (!active) {
            throw new IllegalStateException(username + " is already disabled");
        }
        active = false;
        credentialsChangedAt = stored(at);
    }

    /** Lets it sign in again; tokens from before the disable stay refused. */
    public void enable() {
        if (active) {
            throw new IllegalStateException(username + " is already active");
        }
        active = true;
    }

    /** An ADMIN sets a new password: temporary, and remembered as a reset (by whom, when) for the signatures that follow. */
    public void resetPassword(String newPasswordHash, String admin, Instant at) {
        passwordHash = Objects.requireNonNull(newPasswordHash);
        credentialsChangedAt = stored(at);
        passwordTemporary = true;
        passwordResetAt = credentialsChangedAt;
        passwordResetBy = Objects.requireNonNull(admin);
    }

    /** The user sets their own password: no longer temporary; their other tokens are refused from now on. */
    /** The same password hashed at another cost: no change of credentials, so tokens stay valid. */
    public void rehashPassword(String samePasswordHash) {
        passwordHash = Objects.requireNonNull(samePasswordHash);
    }

    public void changeOwnPassword(String newPasswordHash, Instant at) {
        passwordHash = Objects.requireNonNull(newPasswordHash);
        credentialsChangedAt = stored(at);
        passwordTemporary = false;
    }

    /** Signs it out everywhere: every token issued until now is refused. */
    public void signOut(Instant at) {
        credentialsChangedAt = stored(at);
    }

    public void changeRoles(Set<Role> newRoles, Instant at) {
        requireCompatible(newRoles);
        roles.clear();
        roles.addAll(newRoles);
        credentialsChangedAt = stored(at);
    }

    /** An active ADMIN: one of those who can administer the others. */
    public boolean isActiveAdmin() {
        return active && roles.contains(Role.ADMIN);
    }

    /** PostgreSQL keeps microseconds: the instant as it will read back, so a token can carry it exactly. */
    private static Instant stored(Instant at) {
        return Objects.requireNonNull(at).truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant credentialsChangedAt() {
        return credentialsChangedAt;
    }

    public boolean passwordTemporary() {
        return passwordTemporary;
    }

    /** When an ADMIN last reset the password, if ever. */
    public Optional<Instant> passwordResetAt() {
        return Optional.ofNullable(passwordResetAt);
    }

    public Optional<String> passwordResetBy() {
        return Optional.ofNullable(passwordResetBy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppUser other && username.equals(other.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }
}
