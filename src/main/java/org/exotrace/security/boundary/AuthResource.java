package org.exotrace.security.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import org.exotrace.platform.boundary.Required;
import jakarta.validation.constraints.NotBlank;
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

import java.time.Clock;

/**
 * Sign-in: a username and password for a bearer token. Repeated failures for one name or from one
 * address lock sign-in for a while (429 {@code SIGN_IN_LOCKED} with {@code Retry-After}); during a lock
 * even the right password is refused, and the answer does not say whether it was right.
 */
@Path("auth/token")
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

    public record TokenResponse(@JsonbProperty("access_token") String accessToken,
                                @JsonbProperty("token_type") String tokenType,
                                @JsonbProperty("expires_in") long expiresIn) {
    }

    @Inject
    SignIns signIns;

    @Inject
    TokenIssuer tokens;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest http;

    @POST
    @SecurityRequirements
    @Operation(summary = "Sign in: a bearer token for a username and password",
            extensions = @Extension(name = "x-roles", value = "[]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"username\":\"nurse1\",\"password\":\"correct horse battery\"}")))
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class),
                    examples = @ExampleObject(name = "example", value = "{\"access_token\":\"eyJraWQiOiJleG90cmFjZS0x...\",\"token_type\":\"Bearer\",\"expires_in\":28800}")))
    @APIResponse(responseCode = "400", description = "INVALID_CHARACTERS, VALIDATION_FAILED: a NUL in the name or password; a blank or over-long field")
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS: unknown user, disabled user or wrong password alike")
    @APIResponse(responseCode = "429", description = "SIGN_IN_LOCKED: repeated failures for the name or from the address; Retry-After gives the seconds, "
            + "even the right password is refused")
    public Response signIn(@Valid @Required TokenRequest request) {
        if (request.username.indexOf('\u0000') >= 0 || request.password.indexOf('\u0000') >= 0) {
            // No name or password holds a NUL (PostgreSQL text cannot): bad input, refused before it is counted or recorded.
            throw new ProblemException(400, "INVALID_CHARACTERS", "The request holds characters that cannot be kept",
                    "the username or password holds a NUL character (\\u0000)");
        }
        SignIns.Outcome outcome = signIns.attempt(request.username, request.password, http.getRemoteAddr());
        if (outcome instanceof SignIns.Granted granted) {
            TokenIssuer.Token token = tokens.issue(granted.user());
            return Response.ok(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds())).build();
        }
        if (outcome instanceof SignIns.Locked locked) {
            long seconds = LockOutRule.retryAfterSeconds(locked.until(), clock.instant());
            Response problem = Problems.response(429, "SIGN_IN_LOCKED", "Too many failed sign-ins",
                    "Sign-in is locked after repeated failures for this user or from this address: try again in " + seconds + " s",
                    RequestIds.of(http));
            return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build();
        }
        throw new ProblemException(401, "INVALID_CREDENTIALS", "Unauthorized", "Unknown user or wrong password");
    }
}
