package co.mipresgateway.client.submit;

import co.mipresgateway.client.ClientJson;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Query records as a file: one row per record, one column per field, named and ordered as in the ministry's JSON,
 * so that the columns a submitter file needs (ID, NoPrescripcion, ...) are already there. The file is written
 * whole or not at all: it is written beside its place and moved there when complete.
 */
final class RecordsFile {

    /** Every field, null ones too, so that every record has every column. */
    private static final ObjectMapper EVERY_FIELD = ClientJson.mapper().copy()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    /** Excel in Colombian Spanish splits a CSV on ';' and reads its accents right when UTF-8 is marked. */
    private static final CsvEncoding EXCEL_UTF8 = new CsvEncoding(StandardCharsets.UTF_8, true);
    private static final char EXCEL_DELIMITER = ';';
    /** How the records write a date or a time (Bogotá, no zone): {@code 2025-06-03 00:00}. */
    private static final Pattern RECORD_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    private static final DateTimeFormatter RECORD_DATE_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String EXCEL_DATE_TIME = "yyyy-mm-dd hh:mm";
    private static final int DATE_TIME_WIDTH = 17 * 256;
    /** Excel's last row, less the header's. */
    private static final int LAST_SHEET_ROW = 1_048_575;
    private static final int ROWS_HELD = 200;

    private RecordsFile() {
    }

    static void write(Path output, Class<?> recordType, List<?> records) throws IOException {
        List<String> columns = columnsOf(recordType);
        // Each record becomes its row as it is written: a copy of them all as JSON would double what a year takes.
        Iterable<JsonNode> rows = () -> records.stream().<JsonNode>map(EVERY_FIELD::valueToTree).iterator();
        if (InputFormat.of(output) == InputFormat.XLSX && records.size() > LAST_SHEET_ROW) {
            throw new IllegalArgumentException(records.size() + " registros no caben en una hoja de Excel (a lo sumo " + LAST_SHEET_ROW
                    + " filas bajo el encabezado): pida un .csv o un .jsonl, o menos días por vez; no se escribió nada.");
        }
        Path absolute = output.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        switch (formatOf(output)) {
            case CSV -> csv(partial, columns, rows);
            case JSONL -> jsonLines(partial, rows);
            case JSON_ARRAY -> JsonLines.writeList(partial, EVERY_FIELD, rows);
            case XLSX -> xlsx(partial, columns, rows);
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static List<String> columnsOf(Class<?> recordType) {
        try {
            List<String> columns = new ArrayList<>();
            Iterator<String> names = EVERY_FIELD.valueToTree(recordType.getDeclaredConstructor().newInstance()).fieldNames();
            names.forEachRemaining(columns::add);
            return columns;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a generated record type without a public constructor: " + recordType, e);
        }
    }

    private static void csv(Path file, List<String> columns, Iterable<JsonNode> rows) throws IOException {
        try (Writer writer = EXCEL_UTF8.writer(file);
             CSVPrinter printer = new CSVPrinter(writer, InputReader.csvFormat(EXCEL_DELIMITER))) {
            printer.printRecord(columns);
            for (JsonNode row : rows) {
                List<String> values = new ArrayList<>(columns.size());
                for (String column : columns) values.add(text(row.get(column)));
                printer.printRecord(values);
            }
        }
    }

    /**
     * A {@code .json} asked for is one JSON list, which a program reads whole ({@code json.load}, {@code JSON.parse});
     * {@code .jsonl} an object per line.
     */
    private static InputFormat formatOf(Path output) {
        return output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? InputFormat.JSON_ARRAY
                : InputFormat.of(output);
    }

    private static void jsonLines(Path file, Iterable<JsonNode> rows) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (JsonNode row : rows) {
                writer.write(EVERY_FIELD.writeValueAsString(row));
                writer.write('\n');
            }
        }
    }

    private static void xlsx(Path file, List<String> columns, Iterable<JsonNode> rows) throws IOException {
        // Streamed: only the last rows are held, the rest go to a temporary file. The whole sheet in memory took
        // 920 MB for 50,000 entregas, and 200,000 (a year of a busy provider) did not fit in 1 GB.
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_HELD);
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Registros");
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat(EXCEL_DATE_TIME));
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) header.createCell(c).setCellValue(columns.get(c));
            boolean[] dateColumns = new boolean[columns.size()];
            int r = 0;
            for (JsonNode record : rows) {
                Row sheetRow = sheet.createRow(++r);
                for (int c = 0; c < columns.size(); c++) {
                    JsonNode value = record.get(columns.get(c));
                    if (value == null || value.isNull()) continue;
                    // Numbers stay numbers; a NoPrescripcion (a text of 20 digits) stays text and keeps its digits;
                    // the records' dates become dates, which Excel filters and sorts as such.
                    if (value.isNumber()) {
                        sheetRow.createCell(c).setCellValue(value.doubleValue());
                    } else if (value.isTextual() && RECORD_DATE_TIME.matcher(value.asText()).matches()) {
                        Cell cell = sheetRow.createCell(c);
                        cell.setCellValue(LocalDateTime.parse(value.asText(), RECORD_DATE_TIME_FORMAT));
                        cell.setCellStyle(dateTime);
                        dateColumns[c] = true;
                    } else {
                        sheetRow.createCell(c).setCellValue(text(value));
                    }
                }
            }
            // A date-time in a column of Excel's default width shows as ########.
            for (int c = 0; c < columns.size(); c++) if (dateColumns[c]) sheet.setColumnWidth(c, DATE_TIME_WIDTH);
            workbook.write(out);
        } finally {
            workbook.dispose();
        }
    }

    /** A field as a cell's text: nothing for null, the value for a scalar, the JSON for a list (CodigosEntrega). */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || (value.isContainerNode() && value.isEmpty())) return "";
        return value.isValueNode() ? JsonLines.text(value) : value.toString();
    }
}
