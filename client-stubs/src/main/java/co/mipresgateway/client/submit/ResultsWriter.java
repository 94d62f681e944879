package co.mipresgateway.client.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * The results file, in the input's format: every input row as it was, with Resultado (OK, ERROR, INVALIDA,
 * PENDIENTE), the id the service gave (IdReporteEntrega, IdEntrega or IdProgramacion) and Errores. For .xlsx it
 * is the same workbook with those columns added to the sheet.
 */
final class ResultsWriter {

    static final String RESULTADO = "Resultado";
    static final String ERRORES = "Errores";
    private static final ObjectMapper JSON = JsonLines.MAPPER;

    private ResultsWriter() {
    }

    /** {@code reportes.csv} gives {@code reportes.results.csv} beside it. */
    static Path defaultPath(Path input) {
        return besideInput(input, "results");
    }

    /** {@code reportes.csv} and {@code conciliacion} give {@code reportes.conciliacion.csv} beside it. */
    static Path besideInput(Path input, String what) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String extension = dot < 0 ? "" : name.substring(dot);
        return input.resolveSibling(stem + "." + what + extension);
    }

    static void write(Path input, Path output, InputTable table, SubmissionKind kind, Map<InputRow, Outcome> outcomes)
            throws IOException {
        switch (table.format()) {
            case CSV -> csv(output, table, kind, outcomes);
            case JSONL -> jsonLines(input, output, table, kind, outcomes);
            case JSON_ARRAY -> jsonList(input, output, table, kind, outcomes);
            case XLSX -> xlsx(input, output, table, kind, outcomes);
        }
    }

    /**
     * Where Resultado, the id and Errores go: the input's own columns of those names when it has them (a results file
     * mended and run again, or checked with {@code conciliar}), so they are replaced rather than written twice; else
     * new columns after the input's.
     */
    static int[] resultColumns(List<String> headers, SubmissionKind kind) {
        String[] names = {RESULTADO, kind.resultField, ERRORES};
        int[] columns = new int[names.length];
        int next = headers.size();
        for (int i = 0; i < names.length; i++) {
            int existing = -1;
            for (int c = 0; c < headers.size() && existing < 0; c++) {
                if (headers.get(c) != null && headers.get(c).strip().equalsIgnoreCase(names[i])) existing = c;
            }
            columns[i] = existing >= 0 ? existing : next++;
        }
        return columns;
    }

    private static String[] resultValues(Outcome outcome) {
        return new String[] {outcome.status().name(), outcome.resultId() == null ? "" : outcome.resultId().toString(),
                String.join(" | ", outcome.errors())};
    }

    private static void csv(Path output, InputTable table, SubmissionKind kind, Map<InputRow, Outcome> outcomes)
            throws IOException {
        int[] columns = resultColumns(table.headers(), kind);
        int width = Math.max(table.headers().size(), Arrays.stream(columns).max().orElse(0) + 1);
        String[] headers = table.headers().toArray(new String[width]);
        String[] names = {RESULTADO, kind.resultField, ERRORES};
        for (int i = 0; i < columns.length; i++) headers[columns[i]] = names[i];
        try (Writer writer = table.csvEncoding().writer(output);
             CSVPrinter printer = new CSVPrinter(writer, InputReader.csvFormat(table.csvDelimiter()))) {
            printer.printRecord((Object[]) headers);
            for (InputRow row : table.rows()) {
                String[] values = new String[width];
                for (int c = 0; c < table.headers().size(); c++) values[c] = row.values().get(table.headers().get(c));
                String[] result = resultValues(outcomes.get(row));
                for (int i = 0; i < columns.length; i++) values[columns[i]] = result[i];
                printer.printRecord((Object[]) values);
            }
        }
    }

    private static void jsonLines(Path input, Path output, InputTable table, SubmissionKind kind,
            Map<InputRow, Outcome> outcomes) throws IOException {
        List<String> lines = JsonRows.text(input);
        try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (InputRow row : table.rows()) {
                // The input object as it was written (numbers stay numbers), with the outcome added.
                ObjectNode line = withOutcome(original(lines.get(row.number() - 1)), kind, outcomes.get(row));
                writer.write(JSON.writeValueAsString(line));
                writer.write('\n');
            }
        }
    }

    /** A JSON list's results: the list again, each object with its outcome added, one object per line. */
    private static void jsonList(Path input, Path output, InputTable table, SubmissionKind kind,
            Map<InputRow, Outcome> outcomes) throws IOException {
        JsonNode list = JsonRows.listOf(input, JsonRows.text(input));
        JsonLines.writeList(output, JSON, () -> table.rows().stream().<JsonNode>map(row -> {
            JsonNode element = list.get(row.number() - 1);
            ObjectNode object = element instanceof ObjectNode given ? given
                    : JSON.createObjectNode().set(JsonRows.ELEMENT_COLUMN, element);
            return withOutcome(object, kind, outcomes.get(row));
        }).iterator());
    }

    /** The object with the outcome's Resultado, id and Errores set (replaced where a results file run again had them). */
    private static ObjectNode withOutcome(ObjectNode object, SubmissionKind kind, Outcome outcome) {
        object.put(RESULTADO, outcome.status().name());
        if (outcome.resultId() != null) object.put(kind.resultField, outcome.resultId());
        else object.putNull(kind.resultField);
        object.set(ERRORES, JSON.valueToTree(outcome.errors()));
        return object;
    }

    private static ObjectNode original(String line) {
        try {
            if (JSON.readTree(line) instanceof ObjectNode object) return object;
        } catch (IOException notJson) {
            // falls through: the line is kept as text
        }
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.put(JsonRows.LINE_COLUMN, line);
        return wrapper;
    }

    private static void xlsx(Path input, Path output, InputTable table, SubmissionKind kind, Map<InputRow, Outcome> outcomes)
            throws IOException {
        Map<Integer, List<Object>> byRow = new HashMap<>();
        for (InputRow row : table.rows()) {
            Outcome outcome = outcomes.get(row);
            byRow.put(row.number(), Arrays.asList(outcome.status().name(), outcome.resultId(), String.join(" | ", outcome.errors())));
        }
        new SheetColumnsWriter(resultColumns(table.headers(), kind), table.headerRow(), List.of(RESULTADO, kind.resultField, ERRORES),
                byRow).write(input, output);
    }
}
