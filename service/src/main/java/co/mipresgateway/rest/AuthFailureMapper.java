package co.mipresgateway.rest;

import co.mipresgateway.auth.AuthFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Expired token 400 (the ministry's "EL TOKEN EXPIRÓ"), unknown or locked 401, wrong role 403. */
public final class AuthFailureMapper implements ExceptionMapper<AuthFailure> {
    @Override
    public Response toResponse(AuthFailure failure) {
        return ErrorBodies.message(failure.reason().httpStatus, failure.getMessage());
    }
}
