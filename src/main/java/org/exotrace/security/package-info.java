/**
 * Who may do what: staff accounts with salted, slow password hashes (PBKDF2-HMAC-SHA256), the service's
 * own RS256 signing key (generated on first start, kept in the data directory), MicroProfile JWT
 * bearer tokens, and the roles {@code NURSE}, {@code INVENTORY}, {@code QA}, {@code INTEGRATION} and
 * {@code ADMIN} that every resource names in {@code @RolesAllowed}.
 *
 * <p>Rules: no plain-text password is stored or logged; a token carries issuer, audience and expiry;
 * an unknown user and a wrong password are refused alike; creating a user is audited.
 */
package org.exotrace.security;
