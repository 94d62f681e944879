package co.mipresgateway.client.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads CSV (comma or semicolon, as Excel writes it in Colombia), JSON Lines, or the first sheet of an .xlsx. */
final class InputReader {

    /**
     * A number written plainly, digits with perhaps a point and decimals: what a number cell may show and be read as
     * shown (a code's leading zeros and a quantity's decimals stay).
     */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** From 10^15 on, a double no longer tells every integer apart: Excel has already rounded such a number. */
    private static final double EXACT_INTEGERS_BELOW = 1e15;
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private InputReader() {
    }

    static InputTable read(Path file) throws IOException {
        InputFormat format = InputFormat.of(file);
        return switch (format) {
            case CSV -> csv(file);
            case JSONL -> jsonLines(file);
            case XLSX -> xlsx(file);
        };
    }

    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
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
            List<String> headers = records.hasNext() ? headerOf(records.next(), "La primera línea de " + file.getFileName()) : List.of();
            List<InputRow> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isBlank()) continue;
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    String value = i < record.size() ? record.get(i) : null;
                    // Only columns without a name can share one (a name given twice is refused): the first value kept.
                    if (values.get(headers.get(i)) == null) values.put(headers.get(i), value);
                }
                // The file's line, counting the header as line 1, is what the user finds in an editor.
                rows.add(new InputRow((int) record.getRecordNumber(), values, beyondTheHeader(record, headers.size())));
            }
            return new InputTable(InputFormat.CSV, headers, rows, delimiter, encoding);
        } catch (UncheckedIOException unreadable) {
            throw new IllegalArgumentException("No se pudo leer " + file.getFileName() + " como CSV ("
                    + unreadable.getCause().getMessage() + "): un valor que empieza con comillas (\") las cierra antes del"
                    + " separador, y unas comillas dentro de él se escriben dobles (\"\"). Corrija esa línea y vuelva a ejecutar.");
        }
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
        List<String> headers = new ArrayList<>();
        List<InputRow> rows = new ArrayList<>();
        List<String> lines = jsonLinesText(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            Map<String, String> values = new LinkedHashMap<>();
            JsonNode object;
            try {
                object = JsonLines.MAPPER.readTree(line);
            } catch (IOException e) {
                object = null;
            }
            if (object == null || !object.isObject()) {
                values.put("_linea", line);
                rows.add(new InputRow(i + 1, values, List.of("la línea no es un objeto JSON ({\"ID\": ..., ...} en una sola"
                        + " línea, con comillas dobles en los nombres y los textos).")));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                values.put(field.getKey(), field.getValue().isNull() ? null : JsonLines.text(field.getValue()));
                if (!headers.contains(field.getKey())) headers.add(field.getKey());
            }
            rows.add(new InputRow(i + 1, values));
        }
        return new InputTable(InputFormat.JSONL, headers, rows, ',', CsvEncoding.UTF8);
    }

    /** A JSON Lines file's lines, read as a CSV is: Notepad's UTF-8 begins with a byte order mark, an ERP may write Windows-1252. */
    static List<String> jsonLinesText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return CsvEncoding.of(bytes).decode(bytes).lines().toList();
    }

    private static InputTable xlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook workbook = workbook(file, in)) {
            Sheet sheet = firstSheet(file, workbook);
            // A fixed locale: the machine's own (es-CO shows 12.500,50) must not change what is read.
            DataFormatter formatter = new DataFormatter(Locale.US);
            formatter.setUseCachedValuesForFormulaCells(true);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            List<String> written = new ArrayList<>();
            if (headerRow != null) {
                for (int c = 0; c < headerRow.getLastCellNum(); c++) written.add(text(headerRow.getCell(c), formatter));
            }
            List<String> headers = headerOf(written, "La primera fila de la hoja «" + sheet.getSheetName() + "» de "
                    + file.getFileName() + " (solo se lee la primera hoja del libro)");
            List<InputRow> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) continue;
                Map<String, String> values = new LinkedHashMap<>();
                boolean empty = true;
                for (int c = 0; c < headers.size(); c++) {
                    String value = text(row.getCell(c), formatter);
                    if (!value.isBlank()) empty = false;
                    values.put(headers.get(c), value);
                }
                if (!empty) rows.add(new InputRow(r + 1, values));
            }
            return new InputTable(InputFormat.XLSX, headers, rows, ',', CsvEncoding.UTF8);
        }
    }

    /** The workbook; a file that is none (an old .xls, a CSV renamed) is told so in Spanish, not in POI's English alone. */
    private static Workbook workbook(Path file, InputStream in) throws IOException {
        try {
            return new XSSFWorkbook(in);
        } catch (org.apache.poi.UnsupportedFileFormatException notAWorkbook) {
            throw new IllegalArgumentException("el archivo " + file.getFileName() + " no es un libro de Excel .xlsx ("
                    + notAWorkbook.getMessage() + "): ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)» o como CSV.");
        }
    }

    /**
     * The sheet that is read. An empty first sheet in a workbook with others is refused: the rows are elsewhere, and
     * reading none would end the run with nothing sent and nothing said.
     */
    private static Sheet firstSheet(Path file, Workbook workbook) {
        Sheet first = workbook.getSheetAt(0);
        if (first.getPhysicalNumberOfRows() == 0 && workbook.getNumberOfSheets() > 1) {
            throw new IllegalArgumentException("La primera hoja («" + first.getSheetName() + "») de " + file.getFileName()
                    + " está vacía, y solo se lee la primera hoja del libro: ponga primero la hoja de las filas"
                    + " (arrastre su pestaña al comienzo), o guárdela como CSV.");
        }
        return first;
    }

    /** A cell as text; a date cell as yyyy-MM-dd whatever its display format, as the API wants dates. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) return "";
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().atZone(ZoneId.systemDefault()).toLocalDate().toString();
        }
        String shown = formatter.formatCellValue(cell).strip();
        if (type != CellType.NUMERIC || PLAIN_NUMBER.matcher(shown).matches()) return shown;
        return plain(cell.getNumericCellValue(), shown);
    }

    /**
     * A number cell shown with grouping, a currency or in scientific notation ({@code $ 12,500.50}, {@code 1.0203E+11})
     * is read as the number it holds. One too large for a double to hold every digit (a prescription number typed
     * as a number) keeps what Excel shows, which the checks refuse, rather than pass rounded as a valid one.
     */
    private static String plain(double value, String shown) {
        if (Math.abs(value) >= EXACT_INTEGERS_BELOW) return shown;
        // Excel keeps 15 significant digits: beyond them a formula's result carries binary noise (12451.050000000001).
        return new BigDecimal(value, EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }
}
