package co.mipresgateway.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.fasterxml.jackson.module.jakarta.xmlbind.JakartaXmlBindAnnotationModule;

/**
 * JSON as the ministry speaks it, bound through the types generated from schemas/suministro.xsd: their
 * XML names are the ministry's JSON names. Input names are matched without regard to case and unknown
 * fields are ignored, as the ministry's service does; a fraction where a whole number goes is refused.
 */
public final class Json {

    /**
     * What every answer declares, as the ministry's service does: records carry Spanish text (addresses, names), and
     * a client that decodes without a declared charset may fall back to its platform's (Windows-1252).
     */
    public static final String UTF_8 = "application/json;charset=utf-8";

    private Json() {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JakartaXmlBindAnnotationModule())
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    public static JacksonJsonProvider provider(ObjectMapper mapper) {
        return new TransactionBodyReader(mapper);
    }
}
