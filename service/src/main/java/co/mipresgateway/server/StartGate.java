package co.mipresgateway.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds the calls under one path, while the server starts, until something they need and that is built after the
 * server listens is ready; {@code GET /} answers meanwhile. Two are set: the SOAP face (about a second of schema and
 * binding), without which its path answered 404 to a client that called as soon as the port answered; and a
 * sandbox's demo parties and chains, without which a first GenerarToken found no demo party, and a first write took
 * an ID in the middle of the demo chains, so that the README's walk collided with them. Once ready, the check is one
 * read of a completed future. Past the wait, the call is told to come back (503).
 */
public final class StartGate implements Filter {

    private static final String STARTING = "El servicio está iniciando; intente de nuevo en unos segundos.";

    private final String pathPrefix;
    private final CompletableFuture<?> ready;
    private final long maxWaitMillis;

    /** @param pathPrefix the paths held, in any case (see {@link MinistryPathSpelling}) */
    public StartGate(String pathPrefix, CompletableFuture<?> ready, long maxWaitMillis) {
        this.pathPrefix = pathPrefix;
        this.ready = ready;
        this.maxWaitMillis = maxWaitMillis;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!ready.isDone() && isHeld((HttpServletRequest) req)) {
            try {
                ready.get(maxWaitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                FilterAnswers.message((HttpServletRequest) req, (HttpServletResponse) res, 503, STARTING);
                return;
            } catch (ExecutionException e) {
                // what failed was logged where it failed; the call is served by what there is
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException("interrupted while the server was starting", e);
            }
        }
        chain.doFilter(req, res);
    }

    private boolean isHeld(HttpServletRequest request) {
        return request.getRequestURI().regionMatches(true, 0, pathPrefix, 0, pathPrefix.length());
    }
}
