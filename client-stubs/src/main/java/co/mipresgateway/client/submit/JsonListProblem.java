package co.mipresgateway.client.submit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * What is wrong with a JSON list file, in Spanish, for the slips people make by hand or by string joining: a last comma
 * before the closing bracket, a list or a text left open, JSON after the list. Jackson's own words, which named its
 * reader's settings and source, are kept only for the rarer slips.
 */
final class JsonListProblem {

    private JsonListProblem() {
    }

    static String of(JsonProcessingException broken) {
        String original = String.valueOf(broken.getOriginalMessage());
        if (broken instanceof JsonEOFException) {
            return original.contains("closing quote") ? "un texto abre comillas y el archivo termina sin cerrarlas"
                    : "el archivo termina antes de cerrar la lista o uno de sus objetos: falta un ']' o un '}'";
        }
        if (original.startsWith("Trailing token")) return "después del ']' que cierra la lista el archivo sigue con más JSON";
        if (original.startsWith("Unexpected character (']'") || original.startsWith("Unexpected character ('}'")) {
            return "una coma antes de un ']' o un '}' no separa nada: quítela";
        }
        int marker = original.indexOf(" (start marker at");
        return marker < 0 ? original : original.substring(0, marker);
    }
}
