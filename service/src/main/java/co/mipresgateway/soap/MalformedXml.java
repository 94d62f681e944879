package co.mipresgateway.soap;

import java.sql.SQLException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * A request whose XML the parser refused: not well formed (a tag left open or closed twice), or carrying a character
 * XML does not allow (a NUL written {@code &#x0;}, an escape character). The client's fault, told in Spanish with where
 * the parser stopped; CXF answered the first kind in English and the second as a fault of ours.
 */
final class MalformedXml {

    /** A JSON body posted to the SOAP endpoint: the REST face's transaction sent to the wrong face. */
    static final String JSON_BODY = "El cuerpo es JSON, no XML: la cara SOAP recibe un sobre SOAP 1.1; las transacciones en"
            + " JSON van a la cara REST, /WSSUMMIPRESNOPBS/api/{Transaccion}/{nit}/{token}. No se guardó nada de ella.";

    /** A DOCTYPE, which CXF refuses (external entities read files): said plainly rather than in the parser's words. */
    static final String DOCTYPE = "El XML de la solicitud trae una declaración DOCTYPE, que este servicio no admite: quítela"
            + " (un mensaje SOAP no lleva DTD ni entidades propias). No se guardó nada de ella.";

    private MalformedXml() {
    }

    /** The Spanish fault string when the error is the parser's refusal of the request, or null. */
    static String describe(Throwable error) {
        XMLStreamException refusal = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            // A database error can reach the answer's writer wrapped as a stream exception: it is ours, not the XML's.
            if (t instanceof SQLException) return null;
            if (t instanceof XMLStreamException xml && xml.getLocation() != null && refusal == null) refusal = xml;
        }
        if (refusal == null) return null;
        String parser = refusal.getMessage() == null ? "" : refusal.getMessage().lines().findFirst().orElse("").strip();
        int cut = parser.indexOf("Message: ");   // the JDK parser's "ParseError at [row,col]:[..] Message: ..."
        if (cut >= 0) parser = parser.substring(cut + "Message: ".length());
        if (parser.endsWith(".")) parser = parser.substring(0, parser.length() - 1);
        Location where = refusal.getLocation();
        if (parser.startsWith("Received event DTD")) return DOCTYPE;
        boolean jsonAtTheStart = parser.startsWith("Unexpected character '{'") || parser.startsWith("Unexpected character '['");
        if (jsonAtTheStart && parser.contains("in prolog")) {
            return JSON_BODY;
        }
        return "El XML de la solicitud no es válido (" + parser + "; fila " + where.getLineNumber() + ", columna "
                + where.getColumnNumber() + "); no se guardó nada de ella.";
    }
}
