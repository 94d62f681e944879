package co.mipresgateway.client.submit;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * One JSON list written a value per line, so that it reads as JSON Lines do; no values make an empty list. The
     * values are written as they come: a long list is never held.
     */
    static void writeList(Path file, ObjectMapper mapper, Iterable<? extends JsonNode> values) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write('[');
            String separator = "\n";
            for (JsonNode value : values) {
                writer.write(separator);
                writer.write(mapper.writeValueAsString(value));
                separator = ",\n";
            }
            writer.write("\n]\n");
        }
    }

    /** A scalar as a cell's text; a decimal in plain notation ({@code 12500}, never {@code 1.25E+4}). */
    static String text(JsonNode scalar) {
        return scalar.isBigDecimal() ? scalar.decimalValue().toPlainString() : scalar.asText();
    }
}
