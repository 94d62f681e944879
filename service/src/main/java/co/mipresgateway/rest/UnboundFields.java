package co.mipresgateway.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;

/**
 * The ModelState entries of a body that could not be bound: every field of the wrong type, keyed as ASP.NET names them
 * ("reporteEntrega.ID"), or the whole body ("body") when its shape is a known slip.
 */
final class UnboundFields extends JsonMappingException {

    private final transient Map<String, List<String>> problems;

    UnboundFields(Map<String, List<String>> problems) {
        super(null, "Fields that cannot be bound: " + problems.keySet());
        this.problems = problems;
    }

    Map<String, List<String>> problems() {
        return problems;
    }
}
