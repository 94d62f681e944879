package co.mipresgateway.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * The ministry's service matches its paths without regard to case (ASP.NET routing), so a client written against
 * it may send {@code /wssummipresnopbs/api/ReporteEntregaXfecha/...} and be served there. Such a path is handed on
 * spelled as ours ({@code /WSSUMMIPRESNOPBS/api/ReporteEntregaXFecha/...}); the rest of the path (NIT, token,
 * dates) is left exactly as sent. A path already spelled right costs one set lookup.
 */
public final class MinistryPathSpelling implements Filter {

    private static final String API = GatewayServer.API_PATH + "/";

    private final TransactionNames transactions;

    MinistryPathSpelling(TransactionNames transactions) {
        this.transactions = transactions;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String respelled = respell(request.getRequestURI());
        chain.doFilter(respelled == null ? req : new Respelled(request, respelled), res);
    }

    /** The request path spelled as ours, or null when it already is (or is not a transaction's path at all). */
    String respell(String uri) {
        if (!uri.regionMatches(true, 0, API, 0, API.length())) return null;
        int end = TransactionNames.nameEnd(uri);
        String name = uri.substring(API.length(), end);
        boolean apiSpelled = uri.startsWith(API);
        if (apiSpelled && transactions.isSpelledRight(name)) return null;
        String spelled = transactions.spelledAsOurs(name);
        String ours = spelled == null ? name : spelled;
        if (apiSpelled && ours.equals(name)) return null;   // an unknown transaction: answered 404 as it is
        return API + ours + uri.substring(end);
    }

    /** The request as the service sees it: only the first part of its path changes, so lengths stay the same. */
    private static final class Respelled extends HttpServletRequestWrapper {
        private final String uri;
        private final int respelled;

        Respelled(HttpServletRequest request, String uri) {
            super(request);
            this.uri = uri;
            this.respelled = TransactionNames.nameEnd(uri);
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            return url.replace(url.length() - uri.length(), url.length(), uri);
        }

        @Override
        public String getPathInfo() {
            // The servlet is mapped at /*, so the path info is the decoded path: the respelled part has no escapes.
            String sent = super.getPathInfo();
            return sent == null || sent.length() < respelled ? sent : uri.substring(0, respelled) + sent.substring(respelled);
        }
    }
}
