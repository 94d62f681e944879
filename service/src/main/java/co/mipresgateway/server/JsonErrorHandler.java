package co.mipresgateway.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors Jetty answers by itself (a malformed request line, header or path), before any filter runs: in the
 * ministry's shape, with Jetty's reason (protocol words, never our internals), a request id and a log line of
 * their own, since the request log never sees them.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger("request");
    static final String STOPPING = "El servicio se está deteniendo y no se guardó nada de esta solicitud: envíela de nuevo"
            + " en unos segundos.";
    static final String CONTROL_CHARACTER = "La ruta contiene un carácter de control o una barra invertida (un salto de línea"
            + " %0D%0A, un tabulador %09, \\): revise que el NIT, el token y los demás datos de la ruta no lleven espacios ni"
            + " saltos de línea al final, como los deja un token leído de un archivo.";
    static final String ENCODED_SLASH = "La ruta contiene una barra codificada (%2F) dentro de un dato: ni el NIT ni los"
            + " tokens de este servicio llevan '/'; revise el valor enviado.";
    static final String ENCODED_PERCENT = "La ruta contiene un '%' codificado (%25): el token de sesión se envía tal cual, o"
            + " con solo su '=' final escrito %3D; no lo codifique dos veces (%253D).";

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = request.getAttribute(ERROR_MESSAGE) instanceof String text ? text : null;
        String id = RequestIds.accept(request.getHeaders().get("X-Request-Id"));
        LOG.info("{} {} {} ({}) id={}", request.getMethod(), PathMasking.mask(request.getHttpURI().getPath()), status, reason, id);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put("X-Request-Id", id);
        if (status == 503) response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        String json = "{\"Message\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(message(status, reason))) + "\"}";
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    static String message(int status, String reason) {
        // A base URL ending in '/' joined to a path starting with one: the most common way to get here.
        if (reason != null && reason.contains("empty segment")) {
            return "La ruta tiene un segmento vacío ('//'): escríbala con una sola barra entre sus partes.";
        }
        // Jetty's refusals of what a path may hold (its URI compliance), each a client mistake seen in the wild.
        if ("Suspicious Path Character".equals(reason)) return CONTROL_CHARACTER;
        if ("Ambiguous URI path separator".equals(reason)) return ENCODED_SLASH;
        if ("Ambiguous URI path encoding".equals(reason)) return ENCODED_PERCENT;
        // Jetty itself answers 503 only while the server stops, to a call that came on a kept-alive connection.
        if (status == 503) return STOPPING;
        return "La solicitud no se pudo atender (HTTP " + status + (reason == null ? "" : ": " + reason) + ").";
    }
}
