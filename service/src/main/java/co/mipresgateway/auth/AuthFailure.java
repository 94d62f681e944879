package co.mipresgateway.auth;

import java.time.LocalDate;
import java.util.regex.Pattern;

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

    /** Added to a refusal whose NIT holds more than digits: it can be no party's, and says how to write it. */
    public static final String NIT_DIGITS_ONLY = " El NIT se escribe solo con dígitos, sin puntos, espacios, guiones ni dígito de"
            + " verificación (900123456, no 900.123.456-7).";

    /**
     * Added to a refusal whose token is a date: the XPacienteFecha queries take the date before the token, the XFecha
     * ones after it, and a client that wrote one in the other's order would otherwise go renew a token that is fine.
     */
    public static final String DATE_WHERE_THE_TOKEN_GOES = " Donde va el token la ruta trae una fecha: en las consultas"
            + " XFecha la fecha va después del token (.../{nit}/{token}/{fecha}); en las XPacienteFecha, antes"
            + " (.../{nit}/{fecha}/{token}/{tipodoc}/{numdoc}).";
    /**
     * Added to a refusal of a primary token (a UUID, as the operator issues them) where a session token goes: the first
     * mistake of many integrations, which otherwise read "Genere un token" and do not see that they sent the wrong one.
     */
    public static final String PRIMARY_WHERE_SESSION_GOES = " El token enviado tiene la forma de un token principal: las"
            + " transacciones llevan el token de sesión que responde GenerarToken (44 caracteres que terminan en '=').";
    /** Added to a GenerarToken refused for a session token where the primary one goes. It is counted as a failed try. */
    public static final String SESSION_WHERE_PRIMARY_GOES = " El token enviado tiene la forma de un token de sesión (el"
            + " que responde GenerarToken): GenerarToken recibe el token principal que entrega el operador del servicio.";
    private static final Pattern PRIMARY_SHAPE = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");
    private static final Pattern SESSION_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}(=|%3D)");
    private static final Pattern A_DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([T ].*)?");

    private final Reason reason;

    public AuthFailure(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** This refusal, or, when it is of a token that is a date, this one telling where the date goes. */
    public AuthFailure tellingWhereADateGoes(String token) {
        if (reason != Reason.UNAUTHORIZED || token == null || !A_DATE.matcher(token).matches()) return this;
        return new AuthFailure(reason, getMessage() + DATE_WHERE_THE_TOKEN_GOES);
    }

    public static AuthFailure expired() {
        return new AuthFailure(Reason.TOKEN_EXPIRED, "EL TOKEN EXPIRÓ");
    }

    public static AuthFailure unknownToken(String nit, String sessionToken) {
        return new AuthFailure(Reason.UNAUTHORIZED, "El NIT o el token no son válidos. Genere un token con"
                + " GenerarToken/{nit}/{tokenPrincipal}." + nitHint(nit) + (looksPrimary(sessionToken) ? PRIMARY_WHERE_SESSION_GOES : ""));
    }

    public static AuthFailure badPrimaryToken(String nit, String primaryToken) {
        return new AuthFailure(Reason.UNAUTHORIZED, "Credenciales inválidas: el NIT o el token principal no son válidos."
                + nitHint(nit) + (looksSession(primaryToken) ? SESSION_WHERE_PRIMARY_GOES : ""));
    }

    private static boolean looksPrimary(String token) {
        return token != null && PRIMARY_SHAPE.matcher(token.trim()).matches();
    }

    private static boolean looksSession(String token) {
        return token != null && SESSION_SHAPE.matcher(token.trim()).matches();
    }

    public static AuthFailure primaryTokenEnded(LocalDate lastValidDay) {
        return new AuthFailure(Reason.UNAUTHORIZED, "El token principal venció: su último día de validez fue el " + lastValidDay
                + ". Pida uno nuevo al operador del servicio.");
    }

    private static String nitHint(String nit) {
        if (nit == null || nit.isEmpty()) return "";
        for (int i = 0; i < nit.length(); i++) {
            if (nit.charAt(i) < '0' || nit.charAt(i) > '9') return NIT_DIGITS_ONLY;
        }
        return "";
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
