package co.mipresgateway.client.submit;

import co.mipresgateway.client.ClientJson;
import co.mipresgateway.client.SentAgainstRecorded;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of the ERP's file set against what the service recorded for its prescription: whether the row's step is
 * there, active, once, and with the row's values ({@link SentAgainstRecorded}).
 */
final class RowAgainstRecords {

    private static final ObjectMapper JSON = ClientJson.mapper();

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
        differences.addAll(SentAgainstRecorded.differences(row.body(), live.get(0), "el archivo dice"));
        return differences.isEmpty() ? Outcome.matches(resultId) : Outcome.differs(resultId, differences);
    }
}
