package co.mipresgateway.rest;

import co.mipresgateway.suministro.SentValues;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.beans.Introspector;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A body that cannot be bound (malformed JSON, text where a number goes): 400 in the ModelState shape,
 * keyed "{param}.{Field}" like the ministry's framework, the param being the body's type ("reporteEntrega").
 */
public final class UnreadableBodyMapper implements ExceptionMapper<JsonProcessingException> {

    private static final String NOT_UTF_8 =
            "El texto no está en UTF-8 (una tilde o una eñe llegó en otra codificación): envíe el cuerpo en UTF-8.";

    @Override
    public Response toResponse(JsonProcessingException error) {
        return toModelState(error);
    }

    static Response toModelState(JsonProcessingException error) {
        if (BodyTooLarge.causedIt(error)) return BodyTooLarge.response();
        if (error instanceof UnboundFields unbound) return ErrorBodies.modelState(unbound.problems());
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ErrorBodies.modelState(modelStateKey(mapping), describe(mapping));
        }
        if (error instanceof MismatchedInputException mismatched) {
            if (mismatched.getOriginalMessage() != null && mismatched.getOriginalMessage().startsWith("Trailing token")) {
                // Two transactions in one body (lines of a JSON Lines file sent together): the first is not taken alone.
                return ErrorBodies.modelState("body", "Después del objeto JSON de la transacción el cuerpo sigue con más"
                        + " JSON: envíe una transacción por solicitud; " + location(error) + ".");
            }
            // Valid JSON of the wrong shape at the top: a list or a number where the transaction's object goes.
            return ErrorBodies.modelState("body", "El cuerpo debe ser un objeto JSON ({...}) con los campos de la transacción.");
        }
        if (notUtf8(error)) return ErrorBodies.modelState("body", NOT_UTF_8);
        String hint = JsonSyntaxHints.hint(error);
        return ErrorBodies.modelState("body", "El cuerpo no es un JSON válido: " + (hint == null ? "" : hint + "; ") + location(error) + ".");
    }

    /** "{param}.{Field}" of a field that could not be bound; the error's path must not be empty. */
    static String modelStateKey(JsonMappingException mapping) {
        List<JsonMappingException.Reference> path = mapping.getPath();
        Object root = path.get(0).getFrom();
        String param = root instanceof Class<?> type ? type.getSimpleName()
                : root == null ? "body" : root.getClass().getSimpleName();
        String field = path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return Introspector.decapitalize(param) + "." + field;
    }

    /**
     * A body written in ISO-8859-1 or Windows-1252 (an accented letter is then one byte Jackson cannot read as
     * UTF-8). The ministry's service reads UTF-8 only, whatever charset the header names, and so do we.
     */
    private static boolean notUtf8(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("Invalid UTF-8")) return true;
        }
        return false;
    }

    static String describe(JsonMappingException error) {
        if (notUtf8(error)) return NOT_UTF_8;
        if (error instanceof InvalidFormatException invalid) {
            String refusal = "El valor '" + SentValues.cut(shownValue(invalid)) + "' no es válido para un campo de tipo "
                    + typeName(invalid.getTargetType());
            // An amount as an ERP in Colombian Spanish formats it ("12.500,50", "$ 12500"): say how it is written.
            return invalid.getTargetType() == java.math.BigDecimal.class
                    ? refusal + ": escríbalo con punto decimal, sin separador de miles ni signo de pesos, por ejemplo 12500.50."
                    : refusal + ".";
        }
        InputCoercionException outOfRange = outOfRange(error);
        if (outOfRange != null) {
            String number = sentText(outOfRange);
            return "El número " + (number == null ? "" : SentValues.cut(number) + " ") + "está fuera del rango de este campo.";
        }
        if (error instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "Se esperaba un valor de tipo " + typeName(mismatched.getTargetType()) + ".";
        }
        return "El valor no es válido.";
    }

    /** A number beyond its field's type (an ID beyond a long, a code beyond an int), either way. */
    private static InputCoercionException outOfRange(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InputCoercionException coercion) return coercion;
        }
        return null;
    }

    /**
     * A refused number as the parser holds it (the body's tree keeps it exact), not as the double Jackson made of it to
     * bind it, which showed 1e400 as 'Infinity', a value the client never sent. Text is shown as it came.
     */
    private static String shownValue(InvalidFormatException invalid) {
        String sent = invalid.getValue() instanceof Number && invalid.getProcessor() instanceof JsonParser parser
                ? textOf(parser) : null;
        return sent != null ? sent : String.valueOf(invalid.getValue());
    }

    /** The number as the client wrote it, which the parser still holds when it refuses it. */
    private static String sentText(InputCoercionException error) {
        return error.getProcessor() == null ? null : textOf(error.getProcessor());
    }

    private static String textOf(JsonParser parser) {
        try {
            return parser.currentToken() != null && parser.currentToken().isNumeric() ? parser.getText() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "número entero";
        if (type == java.math.BigDecimal.class) return "número";
        if (type == String.class) return "texto";
        return "objeto";
    }

    private static String location(JsonProcessingException error) {
        var where = error.getLocation();
        return where == null ? "no se pudo leer" : "error en la línea " + where.getLineNr() + ", columna " + where.getColumnNr();
    }
}
