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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.exotrace.platform.boundary.Page;
import org.exotrace.platform.boundary.PageRequest;
import org.exotrace.security.control.Users;
import org.exotrace.security.entity.AppUser;
import org.exotrace.security.entity.Role;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Staff accounts, managed by ADMIN. */
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

    public record UserView(String username, List<Role> roles, boolean active, Instant createdAt, String createdBy) {
        static UserView of(AppUser u) {
            return new UserView(u.username(), u.roles().stream().sorted().toList(), u.active(), u.createdAt(), u.createdBy());
        }
    }

    @Inject
    Users users;

    @Context
    SecurityContext caller;

    @POST
    @Operation(summary = "Create a user", description = "409 USERNAME_TAKEN when the name exists.")
    public Response create(@Valid @Required NewUser request, @Context UriInfo uri) {
        AppUser user = users.create(request.username, request.password, request.roles, caller.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(user.username()).build()).entity(UserView.of(user)).build();
    }

    @GET
    @Operation(summary = "List users")
    public Page<UserView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(users.list(page.page(), page.size()).stream().map(UserView::of).toList(), page, users.count());
    }
}
