package org.exotrace.security.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import org.exotrace.platform.boundary.Required;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.control.TokenIssuer;
import org.exotrace.security.control.Users;

/** Sign-in: a username and password for a bearer token. */
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
    Users users;

    @Inject
    TokenIssuer tokens;

    @POST
    @SecurityRequirements
    @Operation(summary = "Sign in", description = "Answers a bearer token for the user; 401 INVALID_CREDENTIALS otherwise.")
    public TokenResponse signIn(@Valid @Required TokenRequest request) {
        var user = users.authenticate(request.username, request.password)
                .orElseThrow(() -> new ProblemException(401, "INVALID_CREDENTIALS", "Unauthorized", "Unknown user or wrong password"));
        TokenIssuer.Token token = tokens.issue(user);
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds());
    }
}
