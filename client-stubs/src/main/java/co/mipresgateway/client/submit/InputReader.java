package co.mipresgateway.client.submit;

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

/**
 * Reads a rows file: CSV here (comma, semicolon as Excel writes it in Colombia, tab or vertical bar), JSON in
 * {@link JsonRows}, the first sheet of an .xlsx in {@link WorkbookRows}; and the header every format but JSON has.
 */
final class InputReader {

    private InputReader() {
    }

    static InputTable read(Path file) throws IOException {
        InputFormat format = InputFormat.of(file);
        return switch (format) {
            case CSV -> csv(file);
            case JSONL, JSON_ARRAY -> JsonRows.read(file);
            case XLSX -> WorkbookRows.read(file);
        };
    }

    /**
     * The delimiter the first line uses most: a comma, a semicolon (Excel's CSV in Colombia), a tab (Excel's "Texto
     * (delimitado por tabulaciones)", saved as .txt) or a vertical bar (the flat files of Colombian health information
     * systems, which an ERP's export often copies); a comma when the line has none.
     */
    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char delimiter = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t', '|'}) {
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
                rows.add(new InputRow((int) record.getRecordNumber(), values, beyondTheHeader(record, headers.size(), delimiter)));
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
    private static List<String> beyondTheHeader(CSVRecord record, int columns, char delimiter) {
        List<String> beyond = new ArrayList<>();
        for (int i = columns; i < record.size(); i++) {
            if (!record.get(i).isBlank()) beyond.add(record.get(i));
        }
        if (beyond.isEmpty()) return List.of();
        return List.of("la fila trae " + Counted.of(beyond.size(), "valor", "valores")
                + " después de la última columna del encabezado (" + String.join(", ", beyond.stream().map(RowChecks::shown).toList())
                + "): " + delimiterNamed(delimiter)
                + " dentro de un valor sin comillas corre los demás de columna; ponga ese valor entre comillas.");
    }

    /** The file's own delimiter, by the name a user knows it by: a tab shows as nothing in an editor. */
    private static String delimiterNamed(char delimiter) {
        return switch (delimiter) {
            case ';' -> "un punto y coma (;)";
            case '\t' -> "una tabulación";
            case '|' -> "una barra vertical (|)";
            default -> "una coma (,)";
        };
    }

    /**
     * The header row's names. The same name twice (in any letter case) is refused, naming both columns. So is a first
     * row that names neither ID nor NoPrescripcion, which every row needs: a title above the header, or a sheet of
     * instructions before the data, would have every row refused field by field, or none read at all.
     */
    static List<String> headerOf(Iterable<String> header, String where) {
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
}
