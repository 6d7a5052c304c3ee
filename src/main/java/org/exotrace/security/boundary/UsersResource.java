package org.exotrace.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import org.exotrace.platform.boundary.Required;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.exotrace.platform.boundary.Page;
import org.exotrace.platform.boundary.PageRequest;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.control.SignIns;
import org.exotrace.security.control.Users;
import org.exotrace.security.entity.AppUser;
import org.exotrace.security.entity.Role;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Staff accounts, managed by ADMIN: create, list, read one, disable and enable, reset the password (to a
 * temporary one), change the roles (never ADMIN with QA), lift sign-in locks. The last active ADMIN can be neither disabled nor demoted (409 {@code LAST_ADMIN}).
 * A disable, reset or role change refuses the user's existing tokens at once.
 */
@Path("users")
@RolesAllowed(Role.ADMIN_NAME)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** A user as the API answers it: the example in /openapi. */
    static final String USER_EXAMPLE = "{\"active\":true,\"createdAt\":\"2026-11-25T18:31:30.120000Z\",\"createdBy\":\"admin\","
            + "\"credentialsChangedAt\":\"2026-11-25T18:31:30.120000Z\",\"passwordTemporary\":true,\"roles\":[\"NURSE\"],\"username\":\"nurse1\"}";

    public static class NewUser {
        @NotBlank
        @Size(max = 63)
        public String username;
        @NotNull
        @Size(min = 10, max = 256)
        public String password;
        @NotEmpty
        @Size(max = 5)
        public Set<@NotNull Role> roles;
    }

    public static class NewPassword {
        @NotNull
        @Size(min = 10, max = 256)
        public String password;
    }

    public static class NewRoles {
        @NotEmpty
        @Size(max = 5)
        public Set<@NotNull Role> roles;
    }

    /**
     * An account as an ADMIN sees it; {@code credentialsChangedAt}: tokens issued before it are refused;
     * {@code passwordTemporary}: the password is an ADMIN's, and the user must choose their own at their next sign-in.
     */
    public record UserView(String username, List<Role> roles, boolean active, Instant createdAt, String createdBy,
                           Instant credentialsChangedAt, boolean passwordTemporary) {
        static UserView of(AppUser u) {
            return new UserView(u.username(), u.roles().stream().sorted().toList(), u.active(), u.createdAt(), u.createdBy(),
                    u.credentialsChangedAt(), u.passwordTemporary());
        }
    }

    @Inject
    Users users;

    @Inject
    SignIns signIns;

    @Context
    SecurityContext caller;

    @POST
    @Operation(summary = "Create a user",
            extensions = @Extension(name = "x-roles", value = "[\"ADMIN\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewUser.class),
                    examples = @ExampleObject(name = "example", value = "{\"username\":\"nurse1\",\"password\":\"correct horse battery\",\"roles\":[\"NURSE\"]}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class),
                    examples = @ExampleObject(name = "example", value = USER_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "USERNAME_TAKEN: a user has this name")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: a weak password (common, only digits and symbols, the user name); "
            + "ROLES_INCOMPATIBLE: ADMIN with QA")
    public Response create(@Valid @Required NewUser request, @Context UriInfo uri) {
        AppUser user = users.create(request.username, request.password, request.roles, actor());
        return Response.created(uri.getAbsolutePathBuilder().path(user.username()).build()).entity(UserView.of(user)).build();
    }

    @GET
    @Operation(summary = "List users",
            extensions = @Extension(name = "x-roles", value = "[\"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "A page of users",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "example", value = "{\"items\":[{\"active\":true,\"createdAt\":\"2026-11-25T18:31:30.120000Z\",\"createdBy\":\"admin\","
                        + "\"credentialsChangedAt\":\"2026-11-25T18:31:30.120000Z\",\"roles\":[\"NURSE\"],\"username\":\"nurse1\"}],"
                        + "\"page\":0,\"size\":50,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: page or size out of range (page 0..1000000, size 1..500)")
    public Page<UserView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(users.list(page.page(), page.size()).stream().map(UserView::of).toList(), page, users.count());
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One user",
            extensions = @Extension(name = "x-roles", value = "[\"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class),
                    examples = @ExampleObject(name = "example", value = USER_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no user has this name")
    public UserView one(@PathParam("username") String username) {
        return users.find(username).map(UserView::of).orElseThrow(() -> ProblemException.notFound("User", username));
    }

    @POST
    @Path("{username}/disable")
    @Operation(summary = "Disable a user: sign-in and every token of the user refused from now on",
            extensions = @Extension(name = "x-roles", value = "[\"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The user, active false",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no user has this name")
    @APIResponse(responseCode = "409", description = "LAST_ADMIN: the last active ADMIN cannot be disabled")
    public UserView disable(@PathParam("username") String username) {
        return UserView.of(users.disable(username, actor()));
    }

    @POST
    @Path("{username}/enable")
    @Operation(summary = "Enable a user: they may sign in again; tokens from before the disable stay refused",
            extensions = @Extension(name = "x-roles", value = "[\"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The user, active true",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no user has this name")
    public UserView enable(@PathParam("username") String username) {
        return UserView.of(users.enable(username, actor()));
    }

    @POST
    @Path("{username}/password")
    @Operation(summary = "Reset a user's password to a temporary one (the user chooses their own at their next sign-in); the old one "
            + "and the user's tokens are refused at once, a sign-in lock on the name ends",
            extensions = @Extension(name = "x-roles", value = "[\"ADMIN\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewPassword.class),
                    examples = @ExampleObject(name = "example", value = "{\"password\":\"a new password of 10+\"}")))
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no user has this name")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: a weak password (common, only digits and symbols, the user name)")
    public UserView resetPassword(@PathParam("username") String username, @Valid @Required NewPassword request) {
        return UserView.of(users.resetPassword(username, request.password, actor()));
    }

    @PUT
    @Path("{username}/roles")
    @Operation(summary = "Change a user's roles to exactly these; the user's tokens are refused at once",
            extensions = @Extension(name = "x-roles", value = "[\"ADMIN\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewRoles.class),
                    examples = @ExampleObject(name = "example", value = "{\"roles\":[\"QA\",\"INTEGRATION\"]}")))
    @APIResponse(responseCode = "200", description = "The user with the new roles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no user has this name")
    @APIResponse(responseCode = "409", description = "LAST_ADMIN: it would take ADMIN from the last active ADMIN")
    @APIResponse(responseCode = "422", description = "ROLES_INCOMPATIBLE: ADMIN with QA")
    public UserView changeRoles(@PathParam("username") String username, @Valid @Required NewRoles request) {
        return UserView.of(users.changeRoles(username, request.roles, actor()));
    }

    @POST
    @Path("{username}/unlock")
    @Operation(summary = "Lift the sign-in locks on a user's name (at every address) and on the addresses that refused them during a lock",
            extensions = @Extension(name = "x-roles", value = "[\"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The user; the addresses whose locks were lifted too are in the audit entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no user has this name")
    public UserView unlock(@PathParam("username") String username) {
        signIns.lift(username, actor());
        return one(username);
    }

    private String actor() {
        return caller.getUserPrincipal().getName();
    }
}
