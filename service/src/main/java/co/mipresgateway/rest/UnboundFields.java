package co.mipresgateway.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;

/** Every field of a body that could not be bound, keyed as the ModelState names them ("reporteEntrega.ID"). */
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
