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
 * {@code /lots/{lotNumber}} is one page for every lot, {@code /places/{code}} one for every storage place: its script reads
 * the lot number or the place's code from the address.
 */
@WebServlet({"", "/stock", "/scan", "/lots", "/lots/*", "/inventory", "/admin", "/places", "/places/*"})
public class Pages extends HttpServlet {

    private static final Map<String, String> PAGES = Map.of("", "/WEB-INF/pages/home.html", "/stock", "/WEB-INF/pages/stock.html",
            "/scan", "/WEB-INF/pages/scan.html", "/lots", "/WEB-INF/pages/lots.html", "/inventory", "/WEB-INF/pages/inventory.html",
            "/admin", "/WEB-INF/pages/admin.html", "/places", "/WEB-INF/pages/places.html");
    /** The pages one level below a list page, each for every item of the list. */
    private static final Map<String, String> ITEM_PAGES = Map.of("/lots", "/WEB-INF/pages/lot.html", "/places", "/WEB-INF/pages/place.html");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String page = PAGES.get(request.getServletPath());
        String item = request.getPathInfo();
        String list = request.getServletPath();
        if (ITEM_PAGES.containsKey(list) && item != null) {
            if ("/".equals(item)) {
                response.sendRedirect(".." + list);
                return;
            }
            if (item.indexOf('/', 1) >= 0) {
                // the page's relative links (../assets, ../api) hold one level below the list only
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            page = ITEM_PAGES.get(list);
        }
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        request.getRequestDispatcher(page).include(request, response);
    }
}
