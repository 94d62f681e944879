package co.mipresgateway.rest;

import jakarta.ws.rs.core.Response;
import co.mipresgateway.server.BodyLimitFilter;

/** A body over the configured limit, noticed while it was read (a chunked body announces no length). */
final class BodyTooLarge {

    private BodyTooLarge() {
    }

    static boolean is(Throwable error) {
        return error instanceof BodyLimitFilter.BodyTooLargeException;
    }

    static Response response() {
        return ErrorBodies.message(413, "El cuerpo de la solicitud supera el tamaño máximo permitido.");
    }
}
