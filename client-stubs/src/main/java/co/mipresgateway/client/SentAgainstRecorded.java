package co.mipresgateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A step's body set against the record the service keeps of that step, field by field under the ministry's names,
 * so that every kind of step is compared the same way: whether a record found, rather than created, holds what
 * the caller meant to record.
 */
public final class SentAgainstRecorded {

    private static final ObjectMapper JSON = ClientJson.mapper();
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SentAgainstRecorded() {
    }

    /**
     * Each field of {@code body} the record holds otherwise, in Spanish ({@code "ValorEntregado: <bodySays>
     * 12500.50, el servicio tiene 12000.00."}); empty when they agree. The chain's {@code ID} is not compared.
     */
    public static List<String> differences(Object body, Object record, String bodySays) {
        List<String> differences = new ArrayList<>();
        JsonNode sent = JSON.valueToTree(body);
        JsonNode kept = JSON.valueToTree(record);
        for (Iterator<Map.Entry<String, JsonNode>> fields = sent.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("ID") || field.getValue().isNull()) continue;
            JsonNode recorded = kept.get(field.getKey());
            if (!same(field.getKey(), field.getValue(), recorded)) {
                differences.add(field.getKey() + ": " + bodySays + " " + field.getValue().asText() + ", el servicio tiene "
                        + recorded.asText() + ".");
            }
        }
        return differences;
    }

    /**
     * Amounts, quantities and codes of a number type by value (12500.5 is 12500.50), dates by day (a record's
     * FecEntrega carries its time, "2025-06-03 00:00"), the rest as text (a code's leading zeros count). A field the
     * record leaves out or null is not compared: only what the service shows can be seen to differ, and a false
     * alarm would hold a recorded step back.
     */
    private static boolean same(String name, JsonNode sent, JsonNode recorded) {
        if (recorded == null || recorded.isNull()) return true;
        String kept = recorded.asText().trim();
        String given = sent.asText().trim();
        if (sent.isNumber() || name.startsWith("CantTot")) {
            Optional<BigDecimal> givenNumber = number(given);
            Optional<BigDecimal> keptNumber = number(kept);
            if (givenNumber.isPresent() && keptNumber.isPresent()) return givenNumber.get().compareTo(keptNumber.get()) == 0;
        }
        if (ISO_DAY.matcher(given).matches() && kept.length() >= 10) return given.equals(kept.substring(0, 10));
        return given.equals(kept);
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
