package co.mipresgateway.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * The ministry's service is ASP.NET Web API, whose default content negotiation never answers 406: when the
 * {@code Accept} header names no type it writes, it falls back to JSON. Clients written against it send {@code Accept: text/plain},
 * {@code text/html} or a library's default and read JSON back. CXF would refuse them with 406, so for the API's
 * paths an {@code Accept} that cannot take JSON is hidden from it and the answer is JSON, as there.
 */
public final class AnswerJsonWhateverAccept implements Filter {

    private static final String API = GatewayServer.API_PATH + "/";
    private static final String ACCEPT = "Accept";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String accept = request.getHeader(ACCEPT);
        boolean hide = accept != null && !takesJson(accept)
                && request.getRequestURI().regionMatches(true, 0, API, 0, API.length());
        chain.doFilter(hide ? new WithoutAccept(request) : req, res);
    }

    /** Whether CXF would find JSON in it: a JSON type, or a wildcard that covers one. */
    static boolean takesJson(String accept) {
        String types = accept.toLowerCase(Locale.ROOT);
        return types.contains("json") || types.contains("*/*") || types.contains("application/*");
    }

    private static final class WithoutAccept extends HttpServletRequestWrapper {
        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !ACCEPT.equalsIgnoreCase(name)).toList());
        }
    }
}
