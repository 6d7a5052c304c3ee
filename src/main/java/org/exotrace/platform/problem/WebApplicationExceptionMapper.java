package org.exotrace.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The framework's own refusals (unknown path, wrong method or media type, missing or insufficient
 * credentials, unreadable body) as problem+json with a stable code.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String requestId = RequestIds.of(request);
        if (status >= 500) {
            LOG.log(Level.SEVERE, "request " + requestId + " failed", e);
            return Problems.response(500, "INTERNAL_ERROR", "Internal error",
                    "The request failed; quote request id " + requestId + " to support", requestId);
        }
        if (JsonProblems.isUnreadableBody(e)) {
            return JsonProblems.malformed(requestId);
        }
        Optional<String> queryParameter = unconvertibleQueryParameter(e);
        if (queryParameter.isPresent()) {
            return Problems.invalidQueryParameter(queryParameter.get(), requestId);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Request refused" : type.getReasonPhrase();
        return switch (status) {
            case 400 -> Problems.response(400, "BAD_REQUEST", title, "The request cannot be read: send the documented JSON body and parameters", requestId);
            case 401 -> Problems.response(401, "UNAUTHENTICATED", title, "Sign in first: send 'Authorization: Bearer <token>' from POST /api/auth/token", requestId);
            case 403 -> Problems.response(403, "FORBIDDEN", title, "Your role does not allow this", requestId);
            case 404 -> Problems.response(404, "NOT_FOUND", title, "No such resource", requestId);
            case 405 -> Problems.response(405, "METHOD_NOT_ALLOWED", title, "This resource does not accept " + request.getMethod(), requestId);
            case 406 -> Problems.response(406, "NOT_ACCEPTABLE", title, "This resource cannot answer in the media type asked for", requestId);
            case 415 -> Problems.response(415, "UNSUPPORTED_MEDIA_TYPE", title, "Send the body as application/json", requestId);
            default -> Problems.response(status, "REQUEST_REFUSED", title, title, requestId);
        };
    }

    /**
     * A query parameter that cannot be converted to its type ({@code ?page=99999999999}): Jersey answers 404 as
     * JAX-RS says, but the resource exists and the request is at fault. Jersey's class is not API, hence by name.
     */
    static Optional<String> unconvertibleQueryParameter(WebApplicationException e) {
        if (!e.getClass().getName().equals("org.glassfish.jersey.server.ParamException$QueryParamException")) {
            return Optional.empty();
        }
        try {
            return Optional.of(String.valueOf(e.getClass().getMethod("getParameterName").invoke(e)));
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            return Optional.of("query");
        }
    }
}
