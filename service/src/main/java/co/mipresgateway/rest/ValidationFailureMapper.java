package co.mipresgateway.rest;

import co.mipresgateway.suministro.ValidationFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A refused request: 422 with every problem, each naming its field. */
public final class ValidationFailureMapper implements ExceptionMapper<ValidationFailure> {
    @Override
    public Response toResponse(ValidationFailure failure) {
        return ErrorBodies.validation(failure.getMessage(), failure.errors());
    }
}
