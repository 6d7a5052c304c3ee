package org.exotrace.security.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.exotrace.platform.problem.Problems;
import org.exotrace.platform.problem.RequestIds;
import org.exotrace.security.control.RevokedTokens;
import org.exotrace.security.control.VerifiedTokens;

import java.security.Principal;

/**
 * Refuses, with 401 before any role is checked, a verified token that is not valid yet ({@code nbf} in the future,
 * which MicroProfile JWT does not check) or no longer honoured: its user was disabled or signed out, or its password or
 * roles changed after it was issued ({@link RevokedTokens}). A token that passes is
 * remembered as verified ({@link VerifiedTokens}), so that its next request skips the signature check, never this one.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RevokedTokenFilter implements ContainerRequestFilter {

    @Inject
    RevokedTokens tokens;

    @Inject
    VerifiedTokens verified;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        Principal caller = context.getSecurityContext().getUserPrincipal();
        if (caller == null) {
            return;
        }
        if (caller instanceof JsonWebToken token && !tokens.notYetValid(token) && !tokens.revoked(token)) {
            verified.remember(token);
            return;
        }
        Response refused = Problems.response(401, "UNAUTHENTICATED", "Unauthorized",
                "This token is not valid (not yet, by its nbf; or no longer: the account was disabled, signed out, or its password or roles "
                        + "changed): sign in again",
                RequestIds.of(request));
        context.abortWith(Response.fromResponse(refused).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build());
    }
}
