package co.mipresgateway.rest;

import co.mipresgateway.server.OurFaults;
import co.mipresgateway.server.RequestIds;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything else: logged with its request id, answered without a stack trace, as {@link OurFaults.Kind} says: a
 * body cut short or badly encoded as a 400 (told to a client still there; one that went away reads nothing), a body
 * that stopped arriving as a 408, a database busy, unreachable or lost as a 503, a fault of ours as a 500 with the id
 * to quote.
 */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Throwable error) {
        if (BodyTooLarge.causedIt(error)) return BodyTooLarge.response();
        String id = RequestIds.current();
        OurFaults.Kind kind = OurFaults.kindOf(error);
        kind.log(LOG, id, error, error.toString());
        Response answer = ErrorBodies.message(kind.status, kind.message(id));
        return kind.retryAfter == null ? answer : Response.fromResponse(answer).header("Retry-After", kind.retryAfter).build();
    }
}
