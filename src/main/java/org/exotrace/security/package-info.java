/**
 * Who may do what: staff accounts with salted, slow password hashes (PBKDF2-HMAC-SHA256), the service's
 * own RS256 signing key (generated on first start, kept in the data directory), MicroProfile JWT
 * bearer tokens, and the roles {@code NURSE}, {@code INVENTORY}, {@code QA}, {@code INTEGRATION} and
 * {@code ADMIN} that every resource names in {@code @RolesAllowed}.
 *
 * <p>ADMINs create, disable and enable users, reset their passwords (temporary ones: the user sets their own
 * before a token is issued), change their roles (never ADMIN with QA) and lift sign-in locks; a disable,
 * reset, role change, own password change or sign-out refuses the user's tokens at the next request
 * ({@code RevokedTokenFilter}, which also refuses a token whose {@code nbf} is ahead). Repeated failed
 * sign-ins per user name at an address and per address lock sign-in there for a growing time
 * ({@code LockOutRule}; the address from {@code X-Forwarded-For} only through configured proxies), counted
 * in append-only tables so every instance agrees. ADR 0009, ADR 0028.
 *
 * <p>Rules: no plain-text password is stored, logged or audited, nor a name that matches no user (a keyed
 * hash); every password passes {@code PasswordPolicy}; a token carries issuer, audience and
 * expiry, and is honoured only while its user is active and its credentials unchanged; an unknown user
 * and a wrong password are refused alike (also by the lock-out); the last active ADMIN can be neither
 * disabled nor demoted; every change to an account, every failed sign-in and every lock is audited.
 */
package org.exotrace.security;
