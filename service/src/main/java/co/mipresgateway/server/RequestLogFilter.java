package co.mipresgateway.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request (method, path without tokens, status, time, id; for SOAP, the operation and REST's
 * status) and the X-Request-Id header.
 */
public final class RequestLogFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger("request");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long start = System.nanoTime();
        String id = RequestIds.accept(request.getHeader("X-Request-Id"));
        response.setHeader("X-Request-Id", id);
        RequestIds.set(id);
        try {
            chain.doFilter(req, res);
        } finally {
            RequestIds.clear();
            if (LOG.isInfoEnabled()) {
                int status = NoAnswer.statusSent(request, response);
                LOG.info("{} {} {} {}ms id={}{}", request.getMethod(), PathMasking.mask(request.getRequestURI()), status,
                        (System.nanoTime() - start) / 1_000_000, id, SoapOutcome.logged(request, status));
            }
        }
    }
}
