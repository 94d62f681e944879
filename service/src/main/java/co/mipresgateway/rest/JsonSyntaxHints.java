package co.mipresgateway.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What is wrong with a body that is not JSON, in the words of an integrator whose ERP builds JSON by joining strings:
 * an address with a quote or a line break left unescaped, a trailing comma, a number padded with zeros, a single
 * quote. A line and column alone sent them counting characters in a body they often cannot see.
 */
final class JsonSyntaxHints {

    private JsonSyntaxHints() {
    }

    /** The hint for Jackson's refusal, naming the field the parser was in or after; null when there is none to give. */
    static String hint(JsonProcessingException error) {
        String reason = error.getOriginalMessage();
        if (reason == null) return null;
        String field = currentField(error);
        String inField = field == null ? "" : " del campo " + field;
        String afterField = field == null ? "" : " después del campo " + field;
        if (reason.startsWith("Unexpected character (''' (code 39))")) {
            return "los nombres de campo y los textos van entre comillas dobles (\"), no simples (')";
        }
        if (reason.startsWith("Unexpected character ('}' (code 125)): was expecting double-quote to start field name")) {
            return "sobra una coma" + afterField + ", antes de '}'";
        }
        if (reason.contains("was expecting double-quote to start field name")) {
            return "los nombres de campo van entre comillas dobles (\"ID\": ...)";
        }
        if (reason.contains("was expecting comma to separate Object entries")) {
            return "falta una coma" + afterField + ", o el texto" + inField + " lleva comillas dobles sin escapar (escríbalas \\\")";
        }
        if (reason.startsWith("Illegal unquoted character ((CTRL-CHAR")) {
            return "el texto" + inField + " lleva un salto de línea, un tabulador u otro carácter de control sin escapar"
                    + " (escríbalo \\n, \\t o \\u00XX)";
        }
        if (reason.startsWith("Unexpected end-of-input: was expecting closing quote")) {
            return "el texto" + inField + " no cierra sus comillas: el cuerpo termina antes (¿se cortó al enviarlo?)";
        }
        if (reason.startsWith("Unexpected end-of-input")) {
            return "el cuerpo termina antes de cerrar todas sus llaves o corchetes (¿se cortó al enviarlo?)";
        }
        if (reason.contains("Leading zeroes not allowed")) {
            return "el número" + inField + " lleva ceros a la izquierda, que JSON no admite: envíelo sin ellos (1000013, no 01000013)";
        }
        if (reason.startsWith("Non-standard token")) {
            return "el valor" + inField + " no es un número JSON (NaN e Infinity no lo son)";
        }
        if (reason.contains("Decimal point not followed by a digit")) {
            return "el número" + inField + " termina en punto: escriba cifras después del punto, o quítelo";
        }
        if (reason.contains("maybe a (non-standard) comment?")) {
            return "JSON no admite comentarios (// o /* */): quítelos";
        }
        if (reason.startsWith("Unrecognized character escape")) {
            return "el texto" + inField + " lleva una barra invertida (\\) que no forma un escape de JSON: escríbala \\\\";
        }
        if (reason.startsWith("Unexpected character ('<' (code 60))") && field == null) {
            return "el cuerpo es XML: el API REST recibe JSON ({\"ID\": ...}); los mensajes XML van a la cara SOAP,"
                    + " /WSSUMMIPRESNOPBS/soap/suministro";
        }
        if (reason.startsWith("Unexpected close marker")) {
            return "una llave o un corchete se cierra sin que se haya abierto su pareja";
        }
        return null;
    }

    private static String currentField(JsonProcessingException error) {
        try {
            return error.getProcessor() instanceof JsonParser parser ? parser.currentName() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
