package co.mipresgateway.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A sandbox as slow as the ministry's service ({@code MIPRES_SANDBOX_DELAY}): each call of the REST face is answered
 * after a wait drawn between two bounds. A PUT waits after its commit, as a slow service's answer does: a client whose
 * timeout is shorter gives up on a delivery that was recorded, which is the case it must handle.
 */
public final class SandboxDelays implements Filter {

    private static final String API = GatewayServer.API_PATH + "/";

    /** The wait is drawn between these, both included. */
    public record Bounds(Duration least, Duration most) {
    }

    private final long leastMillis;
    private final long mostMillis;

    public SandboxDelays(Bounds bounds) {
        this.leastMillis = bounds.least().toMillis();
        this.mostMillis = bounds.most().toMillis();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!request.getRequestURI().startsWith(API)) {
            chain.doFilter(req, res);
            return;
        }
        if (!"PUT".equals(request.getMethod())) {
            pause();
            chain.doFilter(req, res);
            return;
        }
        HeldAnswer held = new HeldAnswer((HttpServletResponse) res);
        chain.doFilter(req, held);
        pause();
        held.release();
    }

    private void pause() throws ServletException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(leastMillis, mostMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted during the sandbox's delay", e);
        }
    }
}
