package co.mipresgateway.server;

import co.mipresgateway.store.Causes;
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
            + " tokens de este servicio llevan '/', y las fechas se escriben yyyy-MM-dd (2025-06-01, no 01/06/2025); revise"
            + " el valor enviado.";
    static final String NUL_CHARACTER = "La ruta contiene un carácter nulo (%00): ni el NIT, ni el token ni los demás datos"
            + " de la ruta lo llevan; quítelo (suele venir de un campo de ancho fijo rellenado con ceros binarios).";
    static final String STRAY_PERCENT = "La ruta contiene un '%' que no va seguido de dos cifras hexadecimales (como en %3D):"
            + " un '%' que sea parte de un dato se escribe %25.";
    static final String NOT_UTF8 = "La ruta contiene escapes que no son UTF-8 (como %E9 para 'é', de Latin-1 o Windows-1252):"
            + " codifique los datos de la ruta en UTF-8 ('é' es %C3%A9).";
    static final String UNENCODED_CHARACTER = "La ruta contiene un carácter que debe ir codificado (una letra con tilde, {, },"
            + " \", |, ^ o `): si ve {...} o {{...}} en la ruta, es una variable de una plantilla que su cliente no reemplazó;"
            + " si no, codifique ese dato (por ejemplo con encodeURIComponent o Uri.EscapeDataString).";
    static final String SPACE = "La solicitud tiene un espacio o un tabulador donde HTTP no los admite: revise que el NIT,"
            + " el token y los demás datos de la ruta no lleven espacios; dentro de un dato, un espacio se escribe %20.";
    static final String URI_TOO_LONG = "La ruta de la solicitud es demasiado larga (más de 8 KB): ninguna ruta de este"
            + " servicio lo es; revise que no se hayan repetido o pegado datos en ella.";
    static final String HEADERS_TOO_LARGE = "Los encabezados de la solicitud son demasiado grandes (más de 8 KB en total):"
            + " revise los encabezados y cookies que su cliente agrega.";
    static final String NO_HOST = "Falta el encabezado Host, que HTTP/1.1 exige en toda solicitud.";
    static final String ENCODED_PERCENT = "La ruta contiene un '%' codificado (%25): el token de sesión se envía tal cual, o"
            + " con solo su '=' final escrito %3D; no lo codifique dos veces (%253D).";

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = request.getAttribute(ERROR_MESSAGE) instanceof String text ? text : null;
        String detail = request.getAttribute(ERROR_EXCEPTION) instanceof Throwable failure ? Causes.root(failure).getMessage() : null;
        String id = RequestIds.accept(request.getHeaders().get("X-Request-Id"));
        LOG.info("{} {} {} ({}) id={}", request.getMethod(), PathMasking.mask(request.getHttpURI().getPath()), status, reason, id);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put("X-Request-Id", id);
        if (status == 503) response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        String json = "{\"Message\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(message(status, reason, detail))) + "\"}";
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /**
     * What to tell the client; {@code detail} is the innermost message under Jetty's exception, which alone tells
     * a NUL or a stray '%' from the other requests its parser calls just "Bad Request".
     */
    static String message(int status, String reason, String detail) {
        // A base URL ending in '/' joined to a path starting with one: the most common way to get here.
        if (reason != null && reason.contains("empty segment")) {
            return "La ruta tiene un segmento vacío ('//'): escríbala con una sola barra entre sus partes.";
        }
        // Jetty's refusals of what a path may hold (its URI compliance), each a client mistake seen in the wild.
        if ("Suspicious Path Character".equals(reason)) return CONTROL_CHARACTER;
        if ("Ambiguous URI path separator".equals(reason)) return ENCODED_SLASH;
        if ("Ambiguous URI path encoding".equals(reason)) return ENCODED_PERCENT;
        if ("Bad UTF-8 encoding".equals(reason)) return NOT_UTF8;
        if ("Illegal Path Character".equals(reason)) return UNENCODED_CHARACTER;
        if (reason != null && (reason.startsWith("Illegal character SPACE") || reason.startsWith("Illegal character HTAB"))) {
            return SPACE;
        }
        if ("No Host".equals(reason)) return NO_HOST;
        if ("Illegal character in path".equals(detail)) return NUL_CHARACTER;
        if ("Bad URI % encoding".equals(detail) || (detail != null && detail.startsWith("!hex"))) return STRAY_PERCENT;
        if (status == 414) return URI_TOO_LONG;
        if (status == 431) return HEADERS_TOO_LARGE;
        // Jetty itself answers 503 only while the server stops, to a call that came on a kept-alive connection.
        if (status == 503) return STOPPING;
        return "La solicitud no se pudo atender (HTTP " + status + (reason == null ? "" : ": " + reason) + ").";
    }
}
