/**
 * Who may do what: staff accounts with salted, slow password hashes (PBKDF2-HMAC-SHA256), the service's
 * own RS256 signing key (generated on first start, kept in the data directory), MicroProfile JWT
 * bearer tokens, and the roles {@code NURSE}, {@code INVENTORY}, {@code QA}, {@code INTEGRATION} and
 * {@code ADMIN} that every resource names in {@code @RolesAllowed}.
 *
 * <p>ADMINs create, disable and enable users, reset their passwords and change their roles; a disable,
 * reset or role change refuses the user's tokens at the next request ({@code RevokedTokenFilter}).
 * Repeated failed sign-ins per user name and per address lock sign-in for a growing time
 * ({@code LockOutRule}), counted in append-only tables so every instance agrees.
 *
 * <p>Rules: no plain-text password is stored, logged or audited; a token carries issuer, audience and
 * expiry, and is honoured only while its user is active and its credentials unchanged; an unknown user
 * and a wrong password are refused alike (also by the lock-out); the last active ADMIN can be neither
 * disabled nor demoted; every change to an account, every failed sign-in and every lock is audited.
 */
package org.exotrace.security;
