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
 * Holds the API's calls on a sandbox's start until its demo parties and chains are written, which happens just after
 * the server starts listening (so that {@code GET /} answers at once). Without it, a first GenerarToken could find no
 * demo party, and a call sent the moment the server answered took an ID in the middle of the demo chains, so that
 * the README's walk then collided with them. Once they exist, the check is one read of a completed future.
 */
public final class SandboxGate implements Filter {

    private static final String MINISTRY_PATHS = "/WSSUMMIPRESNOPBS/";
    private static final String STARTING = "El servicio está iniciando; intente de nuevo en unos segundos.";

    private final CompletableFuture<?> sandboxData;
    private final long maxWaitMillis;

    public SandboxGate(CompletableFuture<?> sandboxData, long maxWaitMillis) {
        this.sandboxData = sandboxData;
        this.maxWaitMillis = maxWaitMillis;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!sandboxData.isDone() && isTransaction((HttpServletRequest) req)) {
            try {
                sandboxData.get(maxWaitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                FilterAnswers.message((HttpServletRequest) req, (HttpServletResponse) res, 503, STARTING);
                return;
            } catch (ExecutionException e) {
                // the demo data failed (and was logged): the sandbox serves without it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException("interrupted while the sandbox was starting", e);
            }
        }
        chain.doFilter(req, res);
    }

    /** The ministry's paths, REST and SOAP, in any case (see {@link MinistryPathSpelling}); not GET / nor /health. */
    private static boolean isTransaction(HttpServletRequest request) {
        return request.getRequestURI().regionMatches(true, 0, MINISTRY_PATHS, 0, MINISTRY_PATHS.length());
    }
}
