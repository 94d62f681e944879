package co.mipresgateway.rest;

import jakarta.ws.rs.core.Response;
import co.mipresgateway.server.BodyLimitFilter;

/** A body over the configured limit, noticed while it was read (a chunked body announces no length). */
final class BodyTooLarge {

    private BodyTooLarge() {
    }

    /** True when the error, or any of its causes, is a body over the limit. */
    static boolean causedIt(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimitFilter.BodyTooLargeException) return true;
        }
        return false;
    }

    static Response response() {
        return ErrorBodies.message(413, "El cuerpo de la solicitud supera el tamaño máximo permitido.");
    }
}
