package co.mipresgateway.server;

import java.util.concurrent.TimeoutException;

/**
 * A request whose body stopped arriving: the connection sat silent past its idle timeout (or past the stop's grace
 * when the gateway stops) before the body was whole. That is the network's or the client's doing, not a fault of
 * ours; nothing of the request was written, and it can be sent again.
 */
public final class StalledRequests {

    public static final String MESSAGE = "La solicitud dejó de llegar antes de estar completa (se agotó la espera) y no se"
            + " guardó nada de ella: envíela de nuevo.";

    private StalledRequests() {
    }

    /** True when reading (or writing) the request's connection timed out: Jetty's idle timeout. */
    public static boolean stalled(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) return true;
        }
        return false;
    }
}
