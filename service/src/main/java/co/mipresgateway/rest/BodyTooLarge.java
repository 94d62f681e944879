package co.mipresgateway.rest;

import jakarta.ws.rs.core.Response;
import org.eclipse.jetty.http.HttpException;

/** A body over the configured limit, noticed by Jetty while it was read (a chunked body has no length). */
final class BodyTooLarge {

    private BodyTooLarge() {
    }

    static boolean is(Throwable error) {
        return error instanceof HttpException http && http.getCode() == 413;
    }

    static Response response() {
        return ErrorBodies.message(413, "El cuerpo de la solicitud supera el tamaño máximo permitido.");
    }
}
