package co.mipresgateway.rest;

import co.mipresgateway.server.GatewayServer;
import co.mipresgateway.server.NearestName;
import co.mipresgateway.server.TransactionNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.regex.Pattern;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

/** The framework's own refusals (unknown path, wrong method or media type) in the ministry's shape. */
public final class WebApplicationErrorMapper implements ExceptionMapper<WebApplicationException> {

    static final String METHOD_NOT_ALLOWED_PREFIX = "Método HTTP no permitido para este recurso";
    static final String METHOD_NOT_ALLOWED = METHOD_NOT_ALLOWED_PREFIX + ".";
    static final String NOT_FOUND = "No existe ese recurso. Revise la ruta: /WSSUMMIPRESNOPBS/api/{Transaccion}/{nit}/{token}/...";
    /** Added to a 404 of a query by date whose date was written with slashes, which split it into segments. */
    public static final String DATE_WITH_SLASHES = " Las fechas de la ruta se escriben yyyy-MM-dd (2025-06-01): una fecha"
            + " con barras, como 01/06/2025, parte la ruta en más segmentos.";
    private static final Pattern QUERY_BY_DATE_WITH_SLASHES = Pattern.compile(
            "(?i).*Fecha/(.*/)?(\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}/\\d{1,2}/\\d{1,2})(/.*)?");

    private static final String API = GatewayServer.API_PATH + "/";

    private final TransactionNames transactions;

    public WebApplicationErrorMapper(TransactionNames transactions) {
        this.transactions = transactions;
    }

    @Override
    public Response toResponse(WebApplicationException error) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) return UnreadableBodyMapper.toModelState(json);
        }
        if (BodyTooLarge.causedIt(error)) return BodyTooLarge.response();
        int status = error.getResponse().getStatus();
        Response answer = ErrorBodies.message(status, switch (status) {
            case 404 -> notFound(requestPath());
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> "Solo se responde application/json.";
            case 415 -> "El cuerpo debe enviarse con Content-Type: application/json.";
            case 400 -> "La solicitud no es válida.";
            default -> "La solicitud no se pudo atender (HTTP " + status + ").";
        });
        // RFC 9110: a 405 names the methods the resource takes (the API's are narrowed by TransactionMethods).
        String allow = error.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? answer : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
    }

    /**
     * A path of no resource: when it names a transaction (its parts too few or too many, a date written with slashes),
     * that transaction's path; when its name is a typo or two from one, that one. Found only on a 404.
     */
    String notFound(String path) {
        if (path == null) return NOT_FOUND;
        String named = transactions.of(path);
        if (named != null) {
            String said = "No existe ese recurso: la ruta de " + named + " es " + transactions.pathOf(named) + ".";
            return QUERY_BY_DATE_WITH_SLASHES.matcher(path).matches() ? said + DATE_WITH_SLASHES : said;
        }
        String near = nearestTransaction(path);
        return near == null ? NOT_FOUND : NOT_FOUND + " ¿Quiso decir " + near + "? Su ruta es " + transactions.pathOf(near) + ".";
    }

    /** The one transaction whose name is at most two typos from the path's, or null. */
    private String nearestTransaction(String path) {
        if (!path.regionMatches(true, 0, API, 0, API.length())) return null;
        int end = path.indexOf('/', API.length());
        return NearestName.among(transactions.names(), path.substring(API.length(), end < 0 ? path.length() : end));
    }

    private static String requestPath() {
        Message request = PhaseInterceptorChain.getCurrentMessage();
        return request != null && request.get(Message.REQUEST_URI) instanceof String path ? path : null;
    }
}
