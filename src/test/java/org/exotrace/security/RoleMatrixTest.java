package org.exotrace.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.exotrace.fhir.boundary.FhirApplication;
import org.exotrace.platform.boundary.ExoTraceApplication;
import org.exotrace.testing.RoleMatrix;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** README.md's role matrix is the code's: every resource method, with the roles its {@code @RolesAllowed} names. */
class RoleMatrixTest {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class, DELETE.class);
    /** Endpoints anyone may call without a token; not rows of the matrix. */
    private static final Set<String> PUBLIC = Set.of("POST /api/auth/token", "POST /api/auth/password", "GET /fhir/metadata");

    @Test
    void theReadmeListsEveryEndpointWithTheRolesTheCodeAllows() throws IOException {
        Map<String, Set<String>> code = new TreeMap<>();
        for (Class<?> resource : resources()) {
            for (Method m : resource.getMethods()) {
                VERBS.stream().filter(m::isAnnotationPresent).findFirst().ifPresent(verb -> {
                    String endpoint = verb.getSimpleName() + " " + path(resource, m);
                    Set<String> roles = roles(resource, m);
                    Set<String> before = code.put(endpoint, roles);
                    if (before != null && !before.equals(roles)) {
                        fail(endpoint + " has methods with different roles: " + before + " and " + roles);
                    }
                });
            }
        }
        assertTrue(code.size() > 30, () -> "found only " + code.keySet());
        Set<String> open = code.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(PUBLIC, open, "the endpoints open to anyone");
        code.keySet().removeAll(PUBLIC);
        String readme = render(new TreeMap<>(RoleMatrix.fromReadme().allowed()));
        assertEquals(render(code), readme, "README.md role matrix (expected: the code's)");
    }

    private static String render(Map<String, Set<String>> matrix) {
        return matrix.entrySet().stream().map(e -> "| `" + e.getKey() + "` | " + RoleMatrix.ROLES.stream()
                        .map(r -> e.getValue().contains(r) ? "✓" : "–").collect(Collectors.joining(" | ")) + " |")
                .collect(Collectors.joining("\n"));
    }

    /** The resource's address under its JAX-RS application: {@code /fhir} for the FHIR resources, {@code /api} for the rest. */
    private static String path(Class<?> resource, Method m) {
        Class<?> application = FhirApplication.RESOURCES.contains(resource) ? FhirApplication.class : ExoTraceApplication.class;
        String app = application.getAnnotation(ApplicationPath.class).value();
        String path = app + "/" + resource.getAnnotation(Path.class).value()
                + (m.isAnnotationPresent(Path.class) ? "/" + m.getAnnotation(Path.class).value() : "");
        return path.replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/$", "");
    }

    /** The method's roles, else the class's; null when anyone may call it. */
    private static Set<String> roles(Class<?> resource, Method m) {
        if (m.isAnnotationPresent(RolesAllowed.class)) {
            return Set.of(m.getAnnotation(RolesAllowed.class).value());
        }
        if (m.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        if (resource.isAnnotationPresent(RolesAllowed.class)) {
            return Set.of(resource.getAnnotation(RolesAllowed.class).value());
        }
        if (resource.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        throw new AssertionError(resource.getSimpleName() + "." + m.getName() + " names no roles");
    }

    private static List<Class<?>> resources() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            return files.map(f -> classes.relativize(f).toString())
                    .filter(f -> f.endsWith(".class") && f.contains("/boundary/") && !f.contains("$"))
                    .<Class<?>>map(f -> load(f.substring(0, f.length() - ".class".length()).replace('/', '.')))
                    .filter(c -> c.isAnnotationPresent(Path.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RoleMatrixTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
