package org.exotrace.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.exotrace.platform.error.DomainError;

/** The domain's refusals as problem+json: the one place a {@link DomainError.Kind} becomes an HTTP status. */
@Provider
public class DomainErrorMapper implements ExceptionMapper<DomainError> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(DomainError e) {
        return Problems.response(e, RequestIds.of(request));
    }

    /** The status of a kind of refusal. */
    static int status(DomainError.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case FORBIDDEN -> 403;
            case LOCKED_OUT -> 429;
        };
    }

    /** The title of a kind of refusal, unless the error has its own. */
    static String title(DomainError e) {
        if (e.title() != null) {
            return e.title();
        }
        return switch (e.kind()) {
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict with the current state";
            case INVALID -> "The request breaks a rule";
            case FORBIDDEN -> "Forbidden";
            case LOCKED_OUT -> "Too many failed sign-ins";
        };
    }
}
