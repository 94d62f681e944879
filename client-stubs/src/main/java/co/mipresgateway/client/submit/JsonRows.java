package co.mipresgateway.client.submit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of a JSON file: JSON Lines (an object per line), or one JSON list of objects. */
final class JsonRows {

    /** The column that holds a JSON Lines line that is no object, in the row and in its results. */
    static final String LINE_COLUMN = "_linea";
    /** The column that holds a list's element that is no object, in the row and in its results. */
    static final String ELEMENT_COLUMN = "_elemento";

    private JsonRows() {
    }

    static InputTable read(Path file) throws IOException {
        List<String> lines = text(file);
        if (isJsonList(lines)) return jsonList(file, lines);
        List<String> headers = new ArrayList<>();
        List<InputRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            JsonNode object;
            try {
                object = JsonLines.MAPPER.readTree(line);
            } catch (IOException e) {
                object = null;
            }
            if (object == null || !object.isObject()) {
                rows.add(notAnObject(i + 1, LINE_COLUMN, line, "la línea no es un objeto JSON ({\"ID\": ..., ...} en una sola"
                        + " línea, con comillas dobles en los nombres y los textos)."));
                continue;
            }
            rows.add(new InputRow(i + 1, valuesOf(object, headers)));
        }
        return new InputTable(InputFormat.JSONL, headers, 0, rows, ',', CsvEncoding.UTF8);
    }

    /** A file whose first character, blanks aside, is '[': one JSON list of objects, as most programs write JSON. */
    private static boolean isJsonList(List<String> lines) {
        for (String line : lines) {
            String text = line.strip();
            if (!text.isEmpty()) return text.startsWith("[");
        }
        return false;
    }

    /** The list a JSON list file holds; a file that is no JSON, or holds more than the list, is refused saying where. */
    static JsonNode listOf(Path file, List<String> lines) {
        try {
            return JsonLines.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(String.join("\n", lines));
        } catch (JsonProcessingException broken) {
            throw new IllegalArgumentException("El archivo " + file.getFileName() + " empieza con '[' pero no es una lista JSON"
                    + " válida (" + JsonListProblem.of(broken) + (broken.getLocation() == null ? "" : "; línea "
                    + broken.getLocation().getLineNr()) + "): corríjalo,"
                    + " o escriba un objeto por línea (JSON Lines), sin corchetes ni comas entre ellos.");
        }
    }

    /** A JSON list of objects: each object a row, numbered by its place in the list. */
    private static InputTable jsonList(Path file, List<String> lines) {
        JsonNode list = listOf(file, lines);
        List<String> headers = new ArrayList<>();
        List<InputRow> rows = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            if (!element.isObject()) {
                rows.add(notAnObject(i + 1, ELEMENT_COLUMN, element.toString(), "el elemento " + (i + 1) + " de la lista no es"
                        + " un objeto JSON ({\"ID\": ..., ...})."));
                continue;
            }
            rows.add(new InputRow(i + 1, valuesOf(element, headers)));
        }
        return new InputTable(InputFormat.JSON_ARRAY, headers, 0, rows, ',', CsvEncoding.UTF8);
    }

    /** A row that is no object, kept whole under one column so that its results show what it was, and refused. */
    private static InputRow notAnObject(int number, String column, String text, String problem) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(column, text);
        return new InputRow(number, values, List.of(problem));
    }

    /** An object's fields as a row's values, each name added to the headers the first time it is seen. */
    private static Map<String, String> valuesOf(JsonNode object, List<String> headers) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            values.put(field.getKey(), field.getValue().isNull() ? null : JsonLines.text(field.getValue()));
            if (!headers.contains(field.getKey())) headers.add(field.getKey());
        }
        return values;
    }

    /** A JSON Lines file's lines, read as a CSV is: Notepad's UTF-8 begins with a byte order mark, an ERP may write Windows-1252. */
    static List<String> text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return CsvEncoding.of(bytes).decode(bytes).lines().toList();
    }
}
