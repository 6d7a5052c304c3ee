package org.exotrace.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** The service under test, as a client sees it over HTTP. */
public final class Api {

    public static final String ADMIN_PASSWORD = "it-admin-password";

    public enum Role { NURSE, INVENTORY, QA, INTEGRATION, ADMIN }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    public Api(URL base) {
        String root = base.toString();
        this.base = URI.create(root.endsWith("/") ? root : root + "/");
    }

    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String code() {
            return json().getString("code", null);
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    /** {@code path} is relative to the application ({@code api/cpcs}), or to the server when it starts with '/' ({@code /health/ready}). */
    public Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Reply post(String path, String token, String json, String... headers) {
        return send("POST", path, token, "application/json", json, headers);
    }

    public Reply send(String method, String path, String token, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String signIn(String username, String password) {
        Reply reply = post("api/auth/token", null, Json.createObjectBuilder()
                .add("username", username).add("password", password).build().toString());
        if (reply.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + reply);
        }
        return reply.json().getString("access_token");
    }

    public String adminToken() {
        return tokens.computeIfAbsent(Role.ADMIN, r -> signIn("admin", ADMIN_PASSWORD));
    }

    /** A token of a fresh user who has exactly these roles (one user per role set and Api instance). */
    public String tokenFor(Role role, Role... more) {
        if (role == Role.ADMIN && more.length == 0) {
            return adminToken();
        }
        if (more.length == 0) {
            return tokens.computeIfAbsent(role, r -> newUserToken(role));
        }
        Role[] all = Arrays.copyOf(more, more.length + 1);
        all[more.length] = role;
        return newUserToken(all);
    }

    /** A staff member created for a test: their name, password (to sign with) and token. */
    public record Staff(String username, String password, String token) {
    }

    public String newUserToken(Role... roles) {
        return newUser(roles).token();
    }

    /**
     * A user created by {@code admin}, who then sets their own password: a password an ADMIN sets is temporary, and the
     * user's first sign-in changes it ({@link #firstSignIn}). {@link Staff#password()} is the user's own.
     */
    public Staff newUser(Role... roles) {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        String password = "temporary-" + UUID.randomUUID().toString().substring(0, 12);
        var rolesJson = Json.createArrayBuilder();
        Arrays.stream(roles).map(Role::name).forEach(rolesJson::add);
        Reply created = post("api/users", adminToken(), Json.createObjectBuilder()
                .add("username", name).add("password", password).add("roles", rolesJson).build().toString());
        if (created.status() != 201) {
            throw new AssertionError("creating user failed: " + created);
        }
        return firstSignIn(name, password);
    }

    /**
     * The first sign-in of a user whose password an ADMIN set: the user replaces it with one of their own through
     * {@code POST api/auth/password} (which checks the ADMIN's password as sign-in does) and gets a token; the user as
     * they are after it, with their own password.
     */
    public Staff firstSignIn(String username, String temporaryPassword) {
        String own = "own-" + UUID.randomUUID().toString().substring(0, 12);
        Reply changed = post("api/auth/password", null, Json.createObjectBuilder()
                .add("username", username).add("password", temporaryPassword).add("newPassword", own).build().toString());
        if (changed.status() != 200) {
            throw new AssertionError("changing the temporary password of " + username + " failed: " + changed);
        }
        return new Staff(username, own, changed.json().getString("access_token"));
    }

    /** A unique suffix for business keys, so tests never see each other's data. */
    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

}
