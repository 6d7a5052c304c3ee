package org.exotrace.security.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import org.exotrace.platform.boundary.Required;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.platform.problem.Problems;
import org.exotrace.platform.problem.RequestIds;
import org.exotrace.security.control.LockOutRule;
import org.exotrace.security.control.SignIns;
import org.exotrace.security.control.TokenIssuer;
import org.exotrace.security.control.Users;
import org.exotrace.security.entity.AppUser;
import org.exotrace.security.entity.Role;

import java.time.Clock;

/**
 * Sign-in: a username and password for a bearer token. Repeated failures for one name from one address, or from one
 * address, lock sign-in there for a while (429 {@code SIGN_IN_LOCKED} with {@code Retry-After}); during a lock even the
 * right password is refused, and the answer does not say whether it was right. A password an ADMIN set is temporary:
 * signing in with it answers 403 {@code PASSWORD_CHANGE_REQUIRED} and no token, and {@code POST auth/password} sets the
 * user's own (checked and counted like a sign-in) and answers the token. {@code POST auth/sign-out} revokes every token
 * of the caller.
 */
@Path("auth")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** Request bodies are classes with public fields, not records: see {@link org.exotrace.platform.boundary.Required}. */
    public static class TokenRequest {
        @NotBlank
        @Size(max = 64)
        public String username;
        @NotBlank
        @Size(max = 256)
        public String password;
    }

    /** The current password (an ADMIN's temporary one, or the user's own) and the user's new one. */
    public static class PasswordChange {
        @NotBlank
        @Size(max = 64)
        public String username;
        @NotBlank
        @Size(max = 256)
        public String password;
        @NotNull
        @Size(min = 10, max = 256)
        public String newPassword;
    }

    public record TokenResponse(@JsonbProperty("access_token") String accessToken,
                                @JsonbProperty("token_type") String tokenType,
                                @JsonbProperty("expires_in") long expiresIn) {
    }

    @Inject
    SignIns signIns;

    @Inject
    Users users;

    @Inject
    TokenIssuer tokens;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest http;

    @Context
    SecurityContext caller;

    @POST
    @Path("token")
    @SecurityRequirements
    @Operation(summary = "Sign in: a bearer token for a username and password",
            extensions = @Extension(name = "x-roles", value = "[]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"username\":\"nurse1\",\"password\":\"correct horse battery\"}")))
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class),
                    examples = @ExampleObject(name = "example", value = TOKEN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "INVALID_CHARACTERS, VALIDATION_FAILED: a NUL in the name or password; a blank or over-long field")
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS: unknown user, disabled user or wrong password alike")
    @APIResponse(responseCode = "403", description = "PASSWORD_CHANGE_REQUIRED: the password is right but an ADMIN set it; "
            + "no token: POST /api/auth/password with a password of the user's own")
    @APIResponse(responseCode = "429", description = "SIGN_IN_LOCKED: repeated failures for the name from this address, or from the address; "
            + "Retry-After gives the seconds, even the right password is refused")
    public Response signIn(@Valid @Required TokenRequest request) {
        refuseNul(request.username, request.password);
        SignIns.Outcome outcome = signIns.attempt(request.username, request.password, clientAddress());
        if (!(outcome instanceof SignIns.Granted granted)) {
            return refused(outcome);
        }
        AppUser user = granted.user();
        if (user.passwordTemporary()) {
            throw new ProblemException(403, "PASSWORD_CHANGE_REQUIRED", "Password change required",
                    "This password was set by an ADMIN: choose your own (POST /api/auth/password) before anything else");
        }
        return token(user);
    }

    @POST
    @Path("password")
    @SecurityRequirements
    @Operation(summary = "Change one's own password: the current one (an ADMIN's temporary one included) for a new one; answers a token",
            extensions = @Extension(name = "x-roles", value = "[]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PasswordChange.class),
                    examples = @ExampleObject(name = "example", value = "{\"username\":\"nurse1\",\"password\":\"set by the admin\","
                            + "\"newPassword\":\"correct horse battery\"}")))
    @APIResponse(responseCode = "200", description = "Changed; every older token of the user is refused from now on; a new token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class),
                    examples = @ExampleObject(name = "example", value = TOKEN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "INVALID_CHARACTERS, VALIDATION_FAILED: a NUL; a blank, short or over-long field")
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS: unknown user, disabled user or wrong current password alike")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED on newPassword: too common, only digits and symbols, the user name, "
            + "or the password it replaces")
    @APIResponse(responseCode = "429", description = "SIGN_IN_LOCKED: as for sign-in, whose failures these are counted with")
    public Response changePassword(@Valid @Required PasswordChange request) {
        refuseNul(request.username, request.password);
        refuseNul(request.newPassword, "");
        SignIns.Outcome outcome = signIns.attempt(request.username, request.password, clientAddress());
        if (!(outcome instanceof SignIns.Granted granted)) {
            return refused(outcome);
        }
        return token(users.changeOwnPassword(granted.user(), request.newPassword));
    }

    @POST
    @Path("sign-out")
    @RolesAllowed({Role.NURSE_NAME, Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Sign out everywhere: every token of the caller, this one included, is refused from now on",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\",\"INVENTORY\",\"QA\",\"INTEGRATION\",\"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response signOut() {
        users.signOut(caller.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    static final String TOKEN_EXAMPLE = "{\"access_token\":\"eyJraWQiOiJleG90cmFjZS0x...\",\"token_type\":\"Bearer\",\"expires_in\":28800}";

    private String clientAddress() {
        return signIns.clientAddress(http.getRemoteAddr(), http.getHeaders("X-Forwarded-For"));
    }

    private static void refuseNul(String username, String password) {
        if (username.indexOf('\u0000') >= 0 || password.indexOf('\u0000') >= 0) {
            // No name or password holds a NUL (PostgreSQL text cannot): bad input, refused before it is counted or recorded.
            throw new ProblemException(400, "INVALID_CHARACTERS", "The request holds characters that cannot be kept",
                    "the username or password holds a NUL character (\\u0000)");
        }
    }

    /** A lock (429 with Retry-After) or a refusal (401), as sign-in answers them. */
    private Response refused(SignIns.Outcome outcome) {
        if (outcome instanceof SignIns.Locked locked) {
            long seconds = LockOutRule.retryAfterSeconds(locked.until(), clock.instant());
            Response problem = Problems.response(429, "SIGN_IN_LOCKED", "Too many failed sign-ins",
                    "Sign-in is locked after repeated failures for this user or from this address: try again in " + seconds + " s",
                    RequestIds.of(http));
            return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build();
        }
        throw new ProblemException(401, "INVALID_CREDENTIALS", "Unauthorized", "Unknown user or wrong password");
    }

    private Response token(AppUser user) {
        TokenIssuer.Token token = tokens.issue(user);
        return Response.ok(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds())).build();
    }
}
