package co.mipresgateway.auth;

/** A caller that may not go on; the reason fixes the status and message both faces answer with. */
public final class AuthFailure extends RuntimeException {

    public enum Reason {
        /** The ministry's own answer to an expired session token: HTTP 400 with this very message. */
        TOKEN_EXPIRED(400),
        UNAUTHORIZED(401),
        LOCKED(401),
        WRONG_ROLE(403);

        public final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }

    private final Reason reason;

    public AuthFailure(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static AuthFailure expired() {
        return new AuthFailure(Reason.TOKEN_EXPIRED, "EL TOKEN EXPIRÓ");
    }

    public static AuthFailure unknownToken() {
        return new AuthFailure(Reason.UNAUTHORIZED,
                "El NIT o el token no son válidos. Genere un token con GenerarToken/{nit}/{tokenPrincipal}.");
    }

    public static AuthFailure badPrimaryToken() {
        return new AuthFailure(Reason.UNAUTHORIZED, "Credenciales inválidas: el NIT o el token principal no son válidos.");
    }

    public static AuthFailure locked(long minutesLeft) {
        return new AuthFailure(Reason.LOCKED, "El usuario se encuentra bloqueado por intentos fallidos; intente de nuevo en "
                + minutesLeft + " minuto(s).");
    }

    public static AuthFailure wrongRole(String transaccion, Rol required) {
        return new AuthFailure(Reason.WRONG_ROLE, "La transacción " + transaccion + " solo está permitida para "
                + (required == Rol.EPS ? "una EPS." : "un proveedor."));
    }
}
