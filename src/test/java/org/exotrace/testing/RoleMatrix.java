package org.exotrace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The role matrix as README.md states it: every endpoint ({@code GET /api/lots/{lotNumber}}, and the FHIR interface's
 * {@code GET /fhir/MedicationAdministration/{id}}) against the
 * roles that may call it. The README is the one copy: {@code RoleMatrixTest} holds it against the
 * code's {@code @RolesAllowed}, {@code RoleMatrixIT} against the running service.
 */
public record RoleMatrix(Map<String, Set<String>> allowed) {

    public static final List<String> ROLES = List.of("NURSE", "INVENTORY", "QA", "INTEGRATION", "ADMIN");
    private static final String HEADER = "| Endpoint | " + String.join(" | ", ROLES) + " |";
    private static final String YES = "✓";
    private static final String NO = "–";

    public static RoleMatrix fromReadme() {
        try {
            return parse(Files.readAllLines(Path.of("README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RoleMatrix parse(List<String> lines) {
        int start = lines.indexOf(HEADER);
        if (start < 0) {
            throw new IllegalStateException("README.md has no role matrix headed " + HEADER);
        }
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (String line : lines.subList(start + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList();
            if (cells.size() != ROLES.size() + 1 || !cells.get(0).matches("`(GET|POST|PUT|DELETE) /(api|fhir)/\\S+`")) {
                throw new IllegalStateException("not a role matrix row: " + line);
            }
            Set<String> roles = new LinkedHashSet<>();
            for (int i = 0; i < ROLES.size(); i++) {
                String cell = cells.get(i + 1);
                if (!cell.equals(YES) && !cell.equals(NO)) {
                    throw new IllegalStateException("a cell is " + YES + " or " + NO + ": " + line);
                }
                if (cell.equals(YES)) {
                    roles.add(ROLES.get(i));
                }
            }
            if (allowed.put(cells.get(0).replace("`", ""), roles) != null) {
                throw new IllegalStateException("endpoint listed twice: " + line);
            }
        }
        return new RoleMatrix(allowed);
    }
}
