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
import org.exotrace.platform.boundary.Page;
import org.exotrace.platform.boundary.PageRequest;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.control.Users;
import org.exotrace.security.entity.AppUser;
import org.exotrace.security.entity.Role;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Staff accounts, managed by ADMIN: create, list, read one, disable and enable, reset the password,
 * change the roles. The last active ADMIN can be neither disabled nor demoted (409 {@code LAST_ADMIN}).
 * A disable, reset or role change refuses the user's existing tokens at once.
 */
@Path("users")
@RolesAllowed(Role.ADMIN_NAME)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

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

    /** An account as an ADMIN sees it; {@code credentialsChangedAt}: tokens issued before it are refused. */
    public record UserView(String username, List<Role> roles, boolean active, Instant createdAt, String createdBy,
                           Instant credentialsChangedAt) {
        static UserView of(AppUser u) {
            return new UserView(u.username(), u.roles().stream().sorted().toList(), u.active(), u.createdAt(), u.createdBy(),
                    u.credentialsChangedAt());
        }
    }

    @Inject
    Users users;

    @Context
    SecurityContext caller;

    @POST
    @Operation(summary = "Create a user", description = "409 USERNAME_TAKEN when the name exists.")
    public Response create(@Valid @Required NewUser request, @Context UriInfo uri) {
        AppUser user = users.create(request.username, request.password, request.roles, actor());
        return Response.created(uri.getAbsolutePathBuilder().path(user.username()).build()).entity(UserView.of(user)).build();
    }

    @GET
    @Operation(summary = "List users")
    public Page<UserView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(users.list(page.page(), page.size()).stream().map(UserView::of).toList(), page, users.count());
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One user", description = "404 NOT_FOUND when no user has the name.")
    public UserView one(@PathParam("username") String username) {
        return users.find(username).map(UserView::of).orElseThrow(() -> ProblemException.notFound("User", username));
    }

    @POST
    @Path("{username}/disable")
    @Operation(summary = "Disable a user", description = "Sign-in refused and every token of the user refused from now on;"
            + " no change when already disabled. 409 LAST_ADMIN for the last active ADMIN.")
    public UserView disable(@PathParam("username") String username) {
        return UserView.of(users.disable(username, actor()));
    }

    @POST
    @Path("{username}/enable")
    @Operation(summary = "Enable a user", description = "The user may sign in again; tokens from before the disable stay refused.")
    public UserView enable(@PathParam("username") String username) {
        return UserView.of(users.enable(username, actor()));
    }

    @POST
    @Path("{username}/password")
    @Operation(summary = "Reset a user's password", description = "Body {\"password\"} (at least 10 characters); the old password"
            + " and every token of the user are refused from now on.")
    public UserView resetPassword(@PathParam("username") String username, @Valid @Required NewPassword request) {
        return UserView.of(users.resetPassword(username, request.password, actor()));
    }

    @PUT
    @Path("{username}/roles")
    @Operation(summary = "Change a user's roles", description = "Body {\"roles\":[...]}: exactly these roles; the user's tokens"
            + " (which carry the old roles) are refused from now on. 409 LAST_ADMIN when it takes ADMIN from the last active ADMIN.")
    public UserView changeRoles(@PathParam("username") String username, @Valid @Required NewRoles request) {
        return UserView.of(users.changeRoles(username, request.roles, actor()));
    }

    private String actor() {
        return caller.getUserPrincipal().getName();
    }
}
