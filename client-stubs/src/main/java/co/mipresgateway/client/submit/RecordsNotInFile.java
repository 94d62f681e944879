package co.mipresgateway.client.submit;

import co.mipresgateway.client.ClientJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The service's active records of some days whose chain ID no row of the ERP's file has: a delivery registered by hand
 * in the ministry's web module, or by another system, that the ERP does not know of.
 */
final class RecordsNotInFile {

    private static final ObjectMapper JSON = ClientJson.mapper();

    private RecordsNotInFile() {
    }

    static List<Object> of(SubmissionKind kind, List<?> records, InputTable table) {
        Set<Long> inFile = idsOf(table);
        List<Object> notInFile = new ArrayList<>();
        for (Object record : records) {
            long id = JSON.valueToTree(record).path("ID").asLong();
            if (!inFile.contains(id) && kind.liveResult(record, id).isPresent()) notInFile.add(record);
        }
        return notInFile;
    }

    /** Every row's ID that reads as one, invalid rows' too: a row refused for another field still names its chain. */
    private static Set<Long> idsOf(InputTable table) {
        Set<Long> ids = new HashSet<>();
        for (InputRow row : table.rows()) {
            String id = row.get("ID");
            if (id == null) continue;
            try {
                ids.add(new BigDecimal(id).longValueExact());
            } catch (NumberFormatException | ArithmeticException notAnId) {
                // its row is INVALIDA already, naming it
            }
        }
        return ids;
    }
}
