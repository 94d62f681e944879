package co.mipresgateway.rest;

import co.mipresgateway.suministro.ValidationFailure;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A refused request: 422 with every problem, each naming its field (and a misspelt field's near spelling). */
public final class ValidationFailureMapper implements ExceptionMapper<ValidationFailure> {

    private final ObjectMapper json;

    public ValidationFailureMapper(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Response toResponse(ValidationFailure failure) {
        return ErrorBodies.validation(failure.getMessage(),
                MisspeltFields.hinted(failure.errors(), MisspeltFields.ReadBody.kept(), json));
    }
}
