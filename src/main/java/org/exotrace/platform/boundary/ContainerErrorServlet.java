package org.exotrace.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.exotrace.platform.control.DatabaseConfig;
import org.exotrace.platform.problem.DatabaseUnavailable;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page for refusals the servlet container makes before JAX-RS sees the request (chiefly a
 * bearer token whose signature, issuer, audience or expiry is wrong): problem+json like the rest.
 */
@WebServlet("/problem")
public class ContainerErrorServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String requestId = UUID.randomUUID().toString();
        String problemCode;
        String title;
        String detail;
        switch (status) {
            case 401 -> {
                problemCode = "UNAUTHENTICATED";
                title = "Unauthorized";
                detail = "The bearer token is missing, expired or not valid: sign in again with POST /api/auth/token";
            }
            case 403 -> {
                problemCode = "FORBIDDEN";
                title = "Forbidden";
                detail = "Your role does not allow this";
            }
            case 404 -> {
                problemCode = "NOT_FOUND";
                title = "Not Found";
                detail = "No such resource";
            }
            default -> {
                // A failure outside JAX-RS (a connection lost at the transaction's end, which the container reports with
                // no exception) while the database is down or switching over is the same 503 the API answers then: a client
                // retries (FailoverIT saw one such 500 in eight runs).
                if ((error == null || DatabaseUnavailable.isCause(error)) && !DatabaseUnavailable.writableNow(dataSource, 1)) {
                    LOG.log(Level.WARNING, "request " + requestId + " failed in the container while the database is unavailable", error);
                    write(response, 503, "DATABASE_UNAVAILABLE", "Service unavailable",
                            "The database is not reachable; try again shortly.", requestId);
                    return;
                }
                status = 500;
                problemCode = "INTERNAL_ERROR";
                title = "Internal error";
                detail = "The request failed; quote request id " + requestId + " to support";
                LOG.log(Level.SEVERE, "request " + requestId + " failed in the container", error);
            }
        }
        write(response, status, problemCode, title, detail, requestId);
    }

    private static void write(HttpServletResponse response, int status, String problemCode, String title, String detail, String requestId)
            throws IOException {
        response.setStatus(status);
        response.setHeader("X-Request-Id", requestId);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(String.format(
                "{\"type\":\"urn:exotrace:problem:%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"code\":\"%s\",\"requestId\":\"%s\"}",
                problemCode.toLowerCase().replace('_', '-'), title, status, detail, problemCode, requestId));
    }
}
