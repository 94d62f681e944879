package co.mipresgateway.server;

import org.eclipse.jetty.io.EofException;

/**
 * A request whose body ended before it was whole, as Jetty tells it (an early end of file): the client announced a
 * {@code Content-Length} longer than what it sent and closed its side, or broke the chunked encoding (a chunk size
 * that is not a hexadecimal number), or went away. That is the client's doing, not a fault of ours: nothing of the
 * request was written, and a client still there is told so, as a 400 (soap:Client), rather than as a fault of ours
 * ({@link OurFaults.Kind#CUT}).
 */
public final class CutBodies {

    public static final String MESSAGE = "El cuerpo de la solicitud terminó antes de estar completo o su codificación no es"
            + " válida (un Content-Length mayor que lo enviado, o trozos chunked mal formados); no se guardó nada de ella.";

    private CutBodies() {
    }

    /** True when the request's connection reached its end, or a broken encoding, before the body was whole. */
    public static boolean cut(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof EofException) return true;
        }
        return false;
    }
}
