package org.exotrace.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation failures of a request as 400 problem+json naming each field by its JSON name
 * ({@code lotNumber}, {@code serials[3]}), never by Java method or parameter names.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.isEmpty() ? "The request is not valid"
                : "Invalid fields: " + String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList());
        return Problems.response(400, "VALIDATION_FAILED", "The request is not valid", detail, RequestIds.of(request), errors, null);
    }

    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            String name = node.getName();
            if (name == null) {
                continue;
            }
            names.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
        }
        if (names.isEmpty()) {
            return "body";
        }
        return String.join(".", names);
    }
}
