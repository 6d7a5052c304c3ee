package org.exotrace.platform.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * The staff's web pages: static HTML with a script of its own that signs in through
 * {@code /api/auth/token} and calls the API, served with a strict Content-Security-Policy (no inline script or
 * style, no framing; {@link SecurityHeaders} adds the rest). Without a token a page shows only its sign-in form:
 * the HTML holds no data, every datum comes from the API with the bearer token.
 * {@code /lots/{lotNumber}} is one page for every lot: its script reads the lot number from the address.
 */
@WebServlet({"", "/stock", "/scan", "/lots", "/lots/*", "/inventory", "/admin"})
public class Pages extends HttpServlet {

    private static final Map<String, String> PAGES = Map.of("", "/WEB-INF/pages/home.html", "/stock", "/WEB-INF/pages/stock.html",
            "/scan", "/WEB-INF/pages/scan.html", "/lots", "/WEB-INF/pages/lots.html", "/inventory", "/WEB-INF/pages/inventory.html",
            "/admin", "/WEB-INF/pages/admin.html");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String page = PAGES.get(request.getServletPath());
        String lot = request.getPathInfo();
        if ("/lots".equals(request.getServletPath()) && lot != null) {
            if ("/".equals(lot)) {
                response.sendRedirect("../lots");
                return;
            }
            if (lot.indexOf('/', 1) >= 0) {
                // the page's relative links (../assets, ../api) hold one level below /lots only
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            page = "/WEB-INF/pages/lot.html";
        }
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        request.getRequestDispatcher(page).include(request, response);
    }
}
