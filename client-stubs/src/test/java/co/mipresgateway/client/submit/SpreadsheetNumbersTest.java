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

    /**
     * A date cell is read as yyyy-MM-dd whatever it shows, in a workbook that counts its days from 1900 as in one that
     * counts them from 1904 (old Mac Excel): the same serial number is another day in each. An error cell is read as
     * Excel shows it.
     */
    @Test
    void dateCellsAreReadAsTheDayTheyShowInEitherDateSystemAndAnErrorAsExcelShowsIt() throws Exception {
        for (boolean date1904 : new boolean[] {false, true}) {
            Path input = dir.resolve("entregas-" + date1904 + ".xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input)) {
                if (date1904) workbook.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
                Sheet sheet = workbook.createSheet("Entregas");
                Row header = sheet.createRow(0);
                String[] headers = {"ID", "NoPrescripcion", "FecEntrega", "Dia", "CantTotEntregada"};
                for (int c = 0; c < headers.length; c++) header.createCell(c).setCellValue(headers[c]);
                Row row = sheet.createRow(1);
                row.createCell(0).setCellValue(1000005);
                row.createCell(1).setCellValue("20250602100000000005");
                row.createCell(2).setCellValue(java.time.LocalDate.of(2025, 6, 3));
                row.getCell(2).setCellStyle(style(workbook, "dd/mm/yyyy"));
                row.createCell(3).setCellValue(java.time.LocalDateTime.of(2025, 6, 4, 18, 30));
                row.getCell(3).setCellStyle(style(workbook, "dd/mm/yyyy hh:mm"));
                row.createCell(4).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode());
                workbook.write(out);
            }

            Map<String, String> values = InputReader.read(input).rows().get(0).values();

            assertEquals("2025-06-03", values.get("FecEntrega"), "1904: " + date1904);
            assertEquals("2025-06-04", values.get("Dia"), "1904: " + date1904);
            assertEquals("#DIV/0!", values.get("CantTotEntregada"));
        }
    }

    private static CellStyle style(XSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
