package co.mipresgateway.client.submit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every row of a file checked before anything is sent: the bad ones are listed, and never sent. An ID may appear once per file. */
final class RowsCheck {

    private RowsCheck() {
    }

    /** The rows fit to be sent; each bad one gets its INVALIDA outcome and a line on {@code err}. */
    static List<SubmissionKind.Prepared> sendable(InputTable table, SubmissionKind kind, Map<InputRow, Outcome> outcomes,
            PrintStream err) {
        List<SubmissionKind.Prepared> sendable = new ArrayList<>();
        Map<Long, Integer> firstRowOfId = new HashMap<>();
        for (InputRow row : table.rows()) {
            SubmissionKind.Prepared prepared = kind.prepare(row);
            List<String> problems = new ArrayList<>(prepared.problems());
            if (prepared.id() > 0) {
                Integer first = firstRowOfId.putIfAbsent(prepared.id(), row.number());
                if (first != null) problems.add("ID: " + prepared.id() + " ya está en la fila " + first + " de este archivo.");
            }
            if (problems.isEmpty()) {
                sendable.add(prepared);
            } else {
                outcomes.put(row, Outcome.invalid(problems));
                err.println("fila " + row.number() + ": " + String.join(" ", problems));
            }
        }
        return sendable;
    }
}
