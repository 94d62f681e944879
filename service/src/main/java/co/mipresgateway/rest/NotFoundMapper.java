package co.mipresgateway.rest;

import co.mipresgateway.suministro.NotFound;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A record that does not exist or is another party's: 404, the same words either way. */
public final class NotFoundMapper implements ExceptionMapper<NotFound> {
    @Override
    public Response toResponse(NotFound notFound) {
        return ErrorBodies.message(404, notFound.getMessage());
    }
}
