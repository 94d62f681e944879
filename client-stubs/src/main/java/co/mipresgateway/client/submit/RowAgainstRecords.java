package co.mipresgateway.client.submit;

import co.mipresgateway.client.ClientJson;
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
 * A row of the ERP's file set against what the service recorded for its prescription: whether the row's step is
 * there, active, once, and with the row's values. The body the row would send and the record are compared field by
 * field under the ministry's names, so every kind is compared the same way.
 */
final class RowAgainstRecords {

    private static final ObjectMapper JSON = ClientJson.mapper();
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private RowAgainstRecords() {
    }

    static Outcome compare(SubmissionKind kind, SubmissionKind.Prepared row, List<?> records) {
        List<Object> live = new ArrayList<>();
        boolean annulled = false;
        for (Object record : records) {
            if (kind.liveResult(record, row.id()).isPresent()) live.add(record);
            else if (JSON.valueToTree(record).path("ID").asLong() == row.id()) annulled = true;
        }
        if (live.isEmpty()) {
            return Outcome.missing("el servicio no tiene registro activo de " + kind.recordName + " para el ID " + row.id()
                    + " en la prescripción " + row.noPrescripcion() + (annulled ? " (el que tuvo está anulado)." : "."));
        }
        long resultId = kind.liveResult(live.get(0), row.id()).orElseThrow();
        List<String> differences = new ArrayList<>();
        if (live.size() > 1) {
            differences.add("el servicio tiene " + live.size() + " registros activos de " + kind.recordName + " para el ID "
                    + row.id() + ".");
        }
        JsonNode sent = JSON.valueToTree(row.body());
        JsonNode kept = JSON.valueToTree(live.get(0));
        for (Iterator<Map.Entry<String, JsonNode>> fields = sent.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("ID") || field.getValue().isNull()) continue;
            JsonNode recorded = kept.get(field.getKey());
            if (!same(field.getKey(), field.getValue(), recorded)) {
                differences.add(field.getKey() + ": el archivo dice " + field.getValue().asText() + ", el servicio tiene "
                        + recorded.asText() + ".");
            }
        }
        return differences.isEmpty() ? Outcome.matches(resultId) : Outcome.differs(resultId, differences);
    }

    /**
     * Amounts, quantities and codes of a number type by value (12500.5 is 12500.50), dates by day (a record's
     * FecEntrega carries its time, "2025-06-03 00:00"), the rest as text (a code's leading zeros count). A field the
     * record leaves out or null is not compared: only what the service shows can be seen to differ, and a false
     * alarm would hold a recorded row back.
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
        if (!InputReader.PLAIN_NUMBER.matcher(text).matches()) return Optional.empty();
        return Optional.of(new BigDecimal(text));
    }
}
