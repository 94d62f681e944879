package co.mipresgateway.server;

import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * The time by which the rest of a request's body must have arrived, counted from when the application begins to
 * read it: a body longer than what {@link BodyGathering} gathers before the request gets a thread. The connection's
 * idle timeout bounds only the silence between two bytes; such a body trickled a byte at a time, each within it,
 * would hold a server thread for as long as its length allows. Once the body has begun and is not whole, the
 * connection's idle timeout is shortened to the time left, so that even a read waiting for the next byte ends at the
 * deadline, as a stalled read does (408, nothing written), and it is given back afterwards. A body gathered whole,
 * as nearly all are, never touches the connection.
 */
final class BodyDeadline {

    /** A body that had not arrived whole by its deadline: told as a stalled one, whose cause is a timeout. */
    static final class BodyTooSlowException extends IOException {
        BodyTooSlowException(Throwable cause) {
            super("request body not whole within the time limit", cause);
        }
    }

    private final ServletRequest request;
    private final long deadline;
    private EndPoint shortened;
    private long idleTimeout;

    BodyDeadline(ServletRequest request, long deadline) {
        this.request = request;
        this.deadline = deadline;
    }

    /** Before a read of a body that has begun to arrive and is not whole: the read may wait only for the time left. */
    void beforeWaiting() throws IOException {
        long leftMillis = millisLeft();
        if (shortened == null) {
            shortened = ServletContextRequest.getServletContextRequest(request).getConnectionMetaData().getConnection()
                    .getEndPoint();
            idleTimeout = shortened.getIdleTimeout();
        }
        shortened.setIdleTimeout(Math.max(1, Math.min(idleTimeout, leftMillis)));
    }

    /** After a read that brought bytes: they came too late if the deadline passed meanwhile. */
    void afterData() throws IOException {
        millisLeft();
    }

    private long millisLeft() throws BodyTooSlowException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new BodyTooSlowException(new TimeoutException("request body time limit"));
        return left / 1_000_000;
    }

    /**
     * A read that failed: when it waited on the shortened timeout and the deadline has passed, it is told as the body's
     * time limit (the log would otherwise name an idle timeout of a few milliseconds).
     */
    IOException explained(IOException failure) {
        return shortened != null && deadline - System.nanoTime() <= 0 ? new BodyTooSlowException(failure) : failure;
    }

    /** Gives the connection its idle timeout back, for the requests that follow on it. */
    void restore() {
        if (shortened != null) shortened.setIdleTimeout(idleTimeout);
    }
}
