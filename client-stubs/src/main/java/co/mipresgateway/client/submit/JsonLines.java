package co.mipresgateway.client.submit;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON Lines files as ERPs and people write them. An amount keeps the digits it was written with: Jackson's
 * defaults read {@code 10000000.00} as the double {@code 1.0E7} and would send and write it so.
 */
final class JsonLines {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonLines() {
    }

    /** A scalar as a cell's text; a decimal in plain notation ({@code 12500}, never {@code 1.25E+4}). */
    static String text(JsonNode scalar) {
        return scalar.isBigDecimal() ? scalar.decimalValue().toPlainString() : scalar.asText();
    }
}
