package co.mipresgateway.rest;

import co.mipresgateway.server.OurFaults;
import co.mipresgateway.server.RequestIds;
import co.mipresgateway.server.StalledRequests;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything else: logged with its request id, answered without a stack trace but with the id to quote; a busy
 * database as a 503 to send again (see {@link OurFaults}); a body that stopped arriving as a 408 (see
 * {@link StalledRequests}).
 */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Throwable error) {
        if (BodyTooLarge.causedIt(error)) return BodyTooLarge.response();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof EofException) {
                // The client closed the connection (or the server is stopping): nobody is left to answer.
                LOG.info("Request {} ended: the connection closed before the answer was written", RequestIds.current());
                return Response.status(500).build();
            }
        }
        String id = RequestIds.current();
        if (StalledRequests.stalled(error)) {
            LOG.info("Request {} stalled: {}", id, error.toString());
            return ErrorBodies.message(408, StalledRequests.MESSAGE);
        }
        if (OurFaults.databaseWasUnreachable(error)) {
            LOG.warn("Request {} found no database: {}", id, error.toString());
            return Response.fromResponse(ErrorBodies.message(503, OurFaults.unreachable(id))).header("Retry-After", "5").build();
        }
        if (OurFaults.databaseWasBusy(error)) {
            LOG.warn("Request {} rolled back, the database was busy: {}", id, error.toString());
            return Response.fromResponse(ErrorBodies.message(503, OurFaults.busy(id))).header("Retry-After", "1").build();
        }
        if (OurFaults.databaseWasLost(error)) {
            LOG.warn("Request {} lost its database connection: {}", id, error.toString());
            return Response.fromResponse(ErrorBodies.message(503, OurFaults.lost(id))).header("Retry-After", "5").build();
        }
        LOG.error("Request {} failed", id, error);
        return ErrorBodies.message(500, OurFaults.internal(id));
    }
}
