package org.exotrace.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.exotrace.platform.error.DomainError;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected: 500 with only a request id, which is also logged with the stack trace.
 * An unreadable JSON body that arrives here (wrapped by the JSON-B provider) is still a 400.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        String requestId = RequestIds.of(request);
        if (JsonProblems.isUnreadableBody(e)) {
            return JsonProblems.malformed(requestId);
        }
        Throwable problem = ProblemCause.find(e);
        if (problem instanceof ProblemException p) {
            return Problems.response(p, requestId);
        }
        if (problem instanceof DomainError d) {
            return Problems.response(d, requestId);
        }
        if (DatabaseUnavailable.isCause(e)) {
            LOG.log(Level.WARNING, "request " + requestId + ": database unavailable: " + e);
            return Problems.response(503, "DATABASE_UNAVAILABLE", "Service unavailable",
                    "The database is not reachable; nothing was written. Try again shortly.", requestId);
        }
        var taken = UniqueViolation.of(e);
        if (taken.isPresent()) {
            LOG.info(() -> "request " + requestId + ": a unique key was taken by a concurrent request (" + taken.get().code() + ")");
            return Problems.response(409, taken.get().code(), "Conflict with the current state",
                    "Another request recorded the same " + (taken.get().field() == null ? "key" : taken.get().field())
                            + " at the same moment; nothing was written by this one", requestId, UniqueViolation.errors(taken.get()), null);
        }
        if (UnstorableText.isCause(e)) {
            LOG.warning(() -> "request " + requestId + ": the database refused characters of the request");
            return Problems.response(400, "INVALID_CHARACTERS", "The request holds characters that cannot be kept",
                    "The request holds a NUL character or text the database cannot store; nothing was written", requestId);
        }
        LOG.log(Level.SEVERE, "request " + requestId + " failed", e);
        return Problems.response(500, "INTERNAL_ERROR", "Internal error",
                "The request failed; quote request id " + requestId + " to support", requestId);
    }
}
