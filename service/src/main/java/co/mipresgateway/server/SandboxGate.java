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
 * Holds the API's calls on a sandbox's first start until its demo chains are written, which happens just after the
 * server starts listening (so that {@code GET /} answers at once). Without it, a call sent the moment the server
 * answered took an ID in the middle of the demo chains, and the README's walk then collided with them. Once the
 * chains exist, the check is one read of a completed future.
 */
public final class SandboxGate implements Filter {

    private static final String STARTING = "El servicio está iniciando; intente de nuevo en unos segundos.";

    private final CompletableFuture<?> demoChains;
    private final long maxWaitMillis;

    public SandboxGate(CompletableFuture<?> demoChains, long maxWaitMillis) {
        this.demoChains = demoChains;
        this.maxWaitMillis = maxWaitMillis;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!demoChains.isDone()) {
            try {
                demoChains.get(maxWaitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                FilterAnswers.message((HttpServletRequest) req, (HttpServletResponse) res, 503, STARTING);
                return;
            } catch (ExecutionException e) {
                // the chains failed (and were logged): the sandbox serves without them
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException("interrupted while the sandbox was starting", e);
            }
        }
        chain.doFilter(req, res);
    }
}
