package co.mipresgateway.server;

import java.util.concurrent.TimeoutException;

/**
 * A request whose body did not arrive whole in time: the connection sat silent past its idle timeout (or past the
 * stop's grace when the gateway stops), or the body took longer than its time limit ({@link BodyDeadline}).
 * That is the network's or the client's doing, not a fault of ours; nothing of the request was written, and it can
 * be sent again.
 */
public final class StalledRequests {

    public static final String MESSAGE = "La solicitud no terminó de llegar a tiempo (se agotó la espera) y no se guardó"
            + " nada de ella: envíela de nuevo.";

    private StalledRequests() {
    }

    /** True when reading (or writing) the request's connection timed out: Jetty's idle timeout, or the body's limit. */
    public static boolean stalled(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) return true;
        }
        return false;
    }
}
