package co.mipresgateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jackson's provider, except that a body with fields of the wrong type is refused naming every such field, as the
 * ministry's framework does, rather than only the first one Jackson met: an ERP fixes its mapping in one try.
 */
final class TransactionBodyReader extends JacksonJsonProvider {

    /**
     * A transaction has at most 14 fields, and an ERP may add some of its own; a body of thousands (each spelling of a
     * field in another letter case is a field) would cost a binding each and answer them all.
     */
    static final int FIELDS_EXAMINED = 100;

    static final String A_LIST = "El cuerpo es una lista ([...]): cada solicitud lleva una transacción. Envíe el objeto"
            + " ({...}) sin los corchetes.";
    static final String SERIALIZED_TWICE = "El cuerpo es un texto JSON que contiene el objeto de la transacción: se"
            + " serializó dos veces. Envíe el objeto mismo ({\"ID\": ...}), sin comillas alrededor ni \\\" dentro.";

    private final ObjectMapper mapper;
    /** Fractions kept as written ("1.5", not a double's approximation) for the messages that quote them. */
    private final ObjectReader treeReader;

    TransactionBodyReader(ObjectMapper mapper) {
        super(mapper);
        this.mapper = mapper;
        this.treeReader = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        // Kept whole (at most the body limit) so that a refused body can be read again: field by field, or for the
        // names it brought.
        byte[] body = entityStream.readAllBytes();
        MisspeltFields.ReadBody.keep(type, body);
        try {
            return super.readFrom(type, genericType, annotations, mediaType, httpHeaders, new ByteArrayInputStream(body));
        } catch (JsonMappingException first) {
            if (first.getPath().isEmpty()) {
                String slip = wrongShape(body);
                if (slip != null) throw new UnboundFields(Map.of("body", List.of(slip)));
                throw first;
            }
            Map<String, List<String>> problems = everyFieldProblem(body, type);
            if (problems.size() < 2 || !problems.containsKey(UnreadableBodyMapper.modelStateKey(first))) throw first;
            throw new UnboundFields(problems);
        }
    }

    /**
     * What a valid JSON body that is not the transaction's object is, when it is a common slip: a list (the answers
     * are lists, so an ERP may send one), or a JSON text holding the object (the ERP serialized a string that already
     * was JSON: {@code JsonConvert.SerializeObject(json)}, {@code JSON.stringify(json)}). Null otherwise.
     */
    private String wrongShape(byte[] body) {
        try {
            JsonNode outer = treeReader.readTree(body);
            if (outer != null && outer.isArray()) return A_LIST;
            boolean twice = outer != null && outer.isTextual() && treeReader.readTree(outer.textValue()) instanceof ObjectNode;
            return twice ? SERIALIZED_TWICE : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Binds each field of the body alone, in the body's order; a body that is not a JSON object has none. */
    private Map<String, List<String>> everyFieldProblem(byte[] body, Class<?> type) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        JsonNode tree;
        try {
            tree = treeReader.readTree(body);
        } catch (IOException notJson) {
            return problems;
        }
        if (!(tree instanceof ObjectNode fields)) return problems;
        int examined = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext() && examined++ < FIELDS_EXAMINED; ) {
            Map.Entry<String, JsonNode> field = it.next();
            ObjectNode alone = mapper.createObjectNode();
            alone.set(field.getKey(), field.getValue());
            try {
                mapper.treeToValue(alone, type);
            } catch (JsonMappingException unbound) {
                if (!unbound.getPath().isEmpty()) {
                    problems.computeIfAbsent(UnreadableBodyMapper.modelStateKey(unbound), key -> new ArrayList<>())
                            .add(UnreadableBodyMapper.describe(unbound));
                }
            } catch (JsonProcessingException | IllegalArgumentException other) {
                // Not a field's own problem: the first error, already in hand, is answered instead.
            }
        }
        return problems;
    }
}
