package co.mipresgateway.client.submit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads CSV (comma or semicolon, as Excel writes it in Colombia), JSON Lines, or the first sheet of an .xlsx. */
final class InputReader {

    private InputReader() {
    }

    static InputTable read(Path file) throws IOException {
        InputFormat format = InputFormat.of(file);
        return switch (format) {
            case CSV -> csv(file);
            case JSONL, JSON_ARRAY -> jsonLines(file);
            case XLSX -> xlsx(file);
        };
    }

    /**
     * The delimiter the first line uses most: a comma, a semicolon (Excel's CSV in Colombia) or a tab (Excel's "Texto
     * (delimitado por tabulaciones)", saved as .txt); a comma when the line has none.
     */
    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char delimiter = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                delimiter = candidate;
                most = count;
            }
        }
        return delimiter;
    }

    static CSVFormat csvFormat(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get();
    }

    private static InputTable csv(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CsvEncoding encoding = CsvEncoding.of(bytes);
        String text = encoding.decode(bytes);
        char delimiter = delimiterOf(text);
        // The header is read as a row, not by the parser: an ERP's trailing delimiter leaves a last column without a
        // name, which the parser refuses in English, and two columns of one name must be refused, not one of them taken.
        try (Reader reader = new StringReader(text); CSVParser parser = csvFormat(delimiter).parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            // A line of delimiters alone (";;;;", a blank row as Excel saves it) is no row, above the header as below it.
            CSVRecord first = nextNotBlank(records);
            List<String> headers = first != null ? headerOf(first, "La primera línea de " + file.getFileName()) : List.of();
            List<InputRow> rows = new ArrayList<>();
            for (CSVRecord record = nextNotBlank(records); record != null; record = nextNotBlank(records)) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    String value = i < record.size() ? record.get(i) : null;
                    // Only columns without a name can share one (a name given twice is refused): the first value kept.
                    if (values.get(headers.get(i)) == null) values.put(headers.get(i), value);
                }
                // The file's line, counting the header as line 1, is what the user finds in an editor.
                rows.add(new InputRow((int) record.getRecordNumber(), values, beyondTheHeader(record, headers.size())));
            }
            return new InputTable(InputFormat.CSV, headers, headers.isEmpty() ? 0 : 1, rows, delimiter, encoding);
        } catch (UncheckedIOException unreadable) {
            throw new IllegalArgumentException("No se pudo leer " + file.getFileName() + " como CSV ("
                    + unreadable.getCause().getMessage() + "): un valor que empieza con comillas (\") las cierra antes del"
                    + " separador, y unas comillas dentro de él se escriben dobles (\"\"). Corrija esa línea y vuelva a ejecutar.");
        }
    }

    private static CSVRecord nextNotBlank(Iterator<CSVRecord> records) {
        while (records.hasNext()) {
            CSVRecord record = records.next();
            if (!record.stream().allMatch(String::isBlank)) return record;
        }
        return null;
    }

    /**
     * The values a line brings past the header's last column, as a problem: a delimiter inside a value left unquoted
     * shifts the ones after it. Empty ones are an ERP's trailing delimiter, and harmless.
     */
    private static List<String> beyondTheHeader(CSVRecord record, int columns) {
        List<String> beyond = new ArrayList<>();
        for (int i = columns; i < record.size(); i++) {
            if (!record.get(i).isBlank()) beyond.add(record.get(i));
        }
        if (beyond.isEmpty()) return List.of();
        return List.of("la fila trae " + beyond.size() + (beyond.size() == 1 ? " valor" : " valores")
                + " después de la última columna del encabezado (" + String.join(", ", beyond.stream().map(RowChecks::shown).toList())
                + "): un separador (; o ,)"
                + " dentro de un valor sin comillas corre los demás de columna; ponga ese valor entre comillas.");
    }

    /**
     * The header row's names. The same name twice (in any letter case) is refused, naming both columns. So is a first
     * row that names neither ID nor NoPrescripcion, which every row needs: a title above the header, or a sheet of
     * instructions before the data, would have every row refused field by field, or none read at all.
     */
    private static List<String> headerOf(Iterable<String> header, String where) {
        List<String> names = new ArrayList<>();
        for (String name : header) {
            String stripped = name.strip();
            for (int i = 0; i < names.size(); i++) {
                if (!stripped.isEmpty() && names.get(i).equalsIgnoreCase(stripped)) {
                    throw new IllegalArgumentException("El encabezado nombra dos veces la columna " + stripped + " (columnas "
                            + (i + 1) + " y " + (names.size() + 1) + "): deje una sola, o no se sabría cuál enviar.");
                }
            }
            names.add(stripped);
        }
        List<String> missing = SubmissionKind.EVERY_ROWS_COLUMNS.stream()
                .filter(field -> names.stream().noneMatch(field::equalsIgnoreCase)).toList();
        if (!missing.isEmpty() && names.stream().anyMatch(name -> !name.isEmpty())) {
            throw new IllegalArgumentException(where + " no nombra " + (missing.size() == 1 ? "la columna " : "las columnas ")
                    + String.join(" ni ", missing) + " (dice: " + firstNames(names) + "). Esa fila debe ser"
                    + " el encabezado, con los nombres de los campos (ID, NoPrescripcion, ...), y las filas debajo de ella.");
        }
        return names;
    }

    /** What a first row says, enough to recognize it: its first eight values, each quoted as a refused value is. */
    private static String firstNames(List<String> names) {
        List<String> given = names.stream().filter(name -> !name.isEmpty()).toList();
        String shown = String.join(", ", given.stream().limit(8).map(RowChecks::shown).toList());
        return given.size() > 8 ? shown + ", …" : shown;
    }

    private static InputTable jsonLines(Path file) throws IOException {
        List<String> lines = jsonLinesText(file);
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
                Map<String, String> values = new LinkedHashMap<>();
                values.put("_linea", line);
                rows.add(new InputRow(i + 1, values, List.of("la línea no es un objeto JSON ({\"ID\": ..., ...} en una sola"
                        + " línea, con comillas dobles en los nombres y los textos).")));
                continue;
            }
            rows.add(new InputRow(i + 1, valuesOf(object, headers)));
        }
        return new InputTable(InputFormat.JSONL, headers, 0, rows, ',', CsvEncoding.UTF8);
    }

    /** A file whose first character, blanks aside, is '[': one JSON list of objects, as most programs write JSON. */
    static boolean isJsonList(List<String> lines) {
        for (String line : lines) {
            String text = line.strip();
            if (!text.isEmpty()) return text.startsWith("[");
        }
        return false;
    }

    /** The list a JSON list file holds; a file that is no JSON, or holds more than the list, is refused saying where. */
    static JsonNode jsonListOf(Path file, List<String> lines) {
        try {
            return JsonLines.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(String.join("\n", lines));
        } catch (JsonProcessingException broken) {
            throw new IllegalArgumentException("El archivo " + file.getFileName() + " empieza con '[' pero no es una lista JSON"
                    + " válida (" + broken.getOriginalMessage() + (broken.getLocation() == null ? "" : ", línea "
                    + broken.getLocation().getLineNr()) + "): corríjalo,"
                    + " o escriba un objeto por línea (JSON Lines), sin corchetes ni comas entre ellos.");
        }
    }

    /** A JSON list of objects: each object a row, numbered by its place in the list. */
    private static InputTable jsonList(Path file, List<String> lines) {
        JsonNode list = jsonListOf(file, lines);
        List<String> headers = new ArrayList<>();
        List<InputRow> rows = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            if (!element.isObject()) {
                Map<String, String> values = new LinkedHashMap<>();
                values.put("_elemento", element.toString());
                rows.add(new InputRow(i + 1, values, List.of("el elemento " + (i + 1) + " de la lista no es un objeto JSON"
                        + " ({\"ID\": ..., ...}).")));
                continue;
            }
            rows.add(new InputRow(i + 1, valuesOf(element, headers)));
        }
        return new InputTable(InputFormat.JSON_ARRAY, headers, 0, rows, ',', CsvEncoding.UTF8);
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
    static List<String> jsonLinesText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return CsvEncoding.of(bytes).decode(bytes).lines().toList();
    }

    /**
     * The first sheet of an .xlsx: its first row is the header, as a CSV's first line is. The sheet is read as it
     * streams by, each row kept only as the text of its cells: the rows of a large workbook fit in little memory.
     */
    private static InputTable xlsx(Path file) throws IOException {
        try (FirstSheet sheet = FirstSheet.open(file)) {
            List<List<String>> header = new ArrayList<>(1);
            List<Integer> numbers = new ArrayList<>();
            List<List<String>> cells = new ArrayList<>();
            SheetCells.read(sheet, (number, row) -> {
                // Rows of formatted empty cells (a blank row above the table, a sheet formatted down to its last row)
                // are no rows: the header is the first row that says something.
                if (row.stream().allMatch(String::isBlank)) return;
                if (header.isEmpty()) header.add(row);
                else cells.add(row);
                numbers.add(number);
            });
            // An empty first sheet in a workbook with others is refused: the rows are elsewhere, and reading none
            // would end the run with nothing sent and nothing said.
            if (header.isEmpty() && sheet.othersFollow) {
                throw new IllegalArgumentException("La primera hoja («" + sheet.name + "») de " + file.getFileName()
                        + " está vacía, y solo se lee la primera hoja del libro: ponga primero la hoja de las filas"
                        + " (arrastre su pestaña al comienzo), o guárdela como CSV.");
            }
            List<String> headers = headerOf(header.isEmpty() ? List.of() : header.get(0), "La primera fila de la hoja «"
                    + sheet.name + "» de " + file.getFileName() + " (solo se lee la primera hoja del libro)");
            List<InputRow> rows = new ArrayList<>(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                List<String> row = cells.get(i);
                cells.set(i, null);   // let go as its values are made: a large sheet is not held twice
                Map<String, String> values = new LinkedHashMap<>();
                boolean empty = true;
                for (int c = 0; c < headers.size(); c++) {
                    String value = c < row.size() ? row.get(c) : "";
                    if (!value.isBlank()) empty = false;
                    values.put(headers.get(c), value);
                }
                // A row with nothing under the header's columns is no row (a note beside the table is no delivery).
                if (!empty) rows.add(new InputRow(numbers.get(i + 1), values));
            }
            return new InputTable(InputFormat.XLSX, headers, header.isEmpty() ? 0 : numbers.get(0), rows, ',', CsvEncoding.UTF8);
        }
    }
}
