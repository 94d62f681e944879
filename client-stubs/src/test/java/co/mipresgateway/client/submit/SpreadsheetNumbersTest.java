package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number cell of an .xlsx is read as the number it holds, whatever the sheet's display: Excel in Colombia shows
 * amounts as {@code $ 12.500,50} and long document numbers as {@code 1,0203E+11}, and neither is what to send.
 * A code shown with leading zeros keeps them; a formula gives its value; a number Excel cannot hold exactly is not rounded into a valid-looking one.
 */
class SpreadsheetNumbersTest {

    @TempDir
    Path dir;

    private final Locale machineLocale = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(machineLocale);
    }

    @Test
    void numberCellsAreReadAsTheirValueNotTheirDisplay() throws Exception {
        Locale.setDefault(Locale.forLanguageTag("es-CO"));
        Path input = dir.resolve("reportes.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input)) {
            Sheet sheet = workbook.createSheet("Reportes");
            String[] headers = {"ID", "ValorEntregado", "Pesos", "NoIDRecibe", "NoLote", "Cantidad", "NoPrescripcion", "Total", "Lote", "ConIva"};
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) header.createCell(c).setCellValue(headers[c]);
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(1000009);
            row.createCell(1).setCellValue(12500.5);
            row.getCell(1).setCellStyle(style(workbook, "#,##0.00"));
            row.createCell(2).setCellValue(9800);
            row.getCell(2).setCellStyle(style(workbook, "\"$\" #,##0"));
            row.createCell(3).setCellValue(102030405060d);
            row.createCell(4).setCellValue(123);
            row.getCell(4).setCellStyle(style(workbook, "000000"));
            row.createCell(5).setCellValue(30);
            row.getCell(5).setCellStyle(style(workbook, "0.00"));
            row.createCell(6).setCellValue(20250602100000000009d); // typed as a number: its last digits are gone
            row.createCell(7).setCellFormula("B2*2");
            row.getCell(7).setCellStyle(style(workbook, "#,##0.00"));
            row.createCell(8).setCellFormula("\"L-\"&E2");
            row.createCell(9).setCellValue(4150.35 * 3); // 12451.050000000001, as Excel stores a formula's result
            row.getCell(9).setCellStyle(style(workbook, "#,##0.00"));
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll(); // as Excel keeps a formula's last value
            workbook.write(out);
        }

        Map<String, String> values = InputReader.read(input).rows().get(0).values();

        assertEquals("1000009", values.get("ID"));
        assertEquals("12500.5", values.get("ValorEntregado"));
        assertEquals("9800", values.get("Pesos"));
        assertEquals("102030405060", values.get("NoIDRecibe"));
        assertEquals("000123", values.get("NoLote"));
        assertEquals("30.00", values.get("Cantidad"));
        assertEquals("25001", values.get("Total"), "a formula is read as its value, not as its text");
        assertEquals("L-123", values.get("Lote"));
        assertEquals("12451.05", values.get("ConIva"), "to Excel's 15 significant digits, as Excel shows it");
        assertFalse(values.get("NoPrescripcion").matches("\\d{20}"),
                "a rounded prescription number must not pass as a valid one: " + values.get("NoPrescripcion"));
    }

    private static CellStyle style(XSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
