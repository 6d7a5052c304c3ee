package org.exotrace.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Domain and boundary refusals (404, 409, 422, 401 ...) as problem+json. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ProblemException e) {
        return Problems.response(e, RequestIds.of(request));
    }
}
