package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results of an .xlsx are the same workbook with three columns set in its first sheet: since the sheet is rewritten
 * as it streams by rather than through POI's whole workbook, what else the workbook holds is checked to be kept.
 */
class ResultsWorkbookTest {

    @TempDir
    Path dir;

    @Test
    void theResultColumnsAreAddedAndTheRestOfTheWorkbookIsKept() throws Exception {
        Path input = dir.resolve("reportes.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input)) {
            XSSFSheet sheet = workbook.createSheet("Reportes");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            String[] headers = {"ID", "NoPrescripcion", "EstadoEntrega", "CausaNoEntrega", "ValorEntregado", "Doble"};
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
                header.getCell(c).setCellStyle(bold);
            }
            String[][] rows = {{"1000009", "20250602100000000009", "1", "0"}, {"1000010", "2025", "1", "0"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 2);  // a blank row between the header and the data
                for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
                row.createCell(4).setCellValue(12500.5);
                row.createCell(5).setCellFormula("E" + (r + 3) + "*2");
                row.createCell(9).setCellValue("nota fuera del encabezado");
            }
            sheet.setColumnWidth(1, 30 * 256);
            workbook.createSheet("Notas").createRow(0).createCell(0).setCellValue("instrucciones del ERP");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
        }

        assertEquals(1, MipresClientMain.commandLine().execute("revisar", "reportes", input.toString()));

        try (InputStream in = Files.newInputStream(dir.resolve("reportes.results.xlsx")); XSSFWorkbook results = new XSSFWorkbook(in)) {
            XSSFSheet sheet = results.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertEquals("Resultado", header.getCell(6).getStringCellValue());
            assertEquals("IdReporteEntrega", header.getCell(7).getStringCellValue());
            assertEquals("Errores", header.getCell(8).getStringCellValue());
            assertTrue(results.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold(), "the header's style is kept");
            assertNull(sheet.getRow(1), "the blank row stays blank");
            Row valid = sheet.getRow(2);
            assertEquals("VALIDA", valid.getCell(6).getStringCellValue());
            assertEquals(CellType.BLANK, valid.getCell(7).getCellType(), "no id: nothing was sent");
            assertEquals("", valid.getCell(8).getStringCellValue());
            assertEquals("E3*2", valid.getCell(5).getCellFormula(), "a formula stays a formula");
            assertEquals(25001, valid.getCell(5).getNumericCellValue());
            assertEquals("nota fuera del encabezado", valid.getCell(9).getStringCellValue(), "a cell beyond the results is kept");
            Row invalid = sheet.getRow(3);
            assertEquals("INVALIDA", invalid.getCell(6).getStringCellValue());
            assertTrue(invalid.getCell(8).getStringCellValue().startsWith("NoPrescripcion: debe tener 20 dígitos"),
                    invalid.getCell(8).getStringCellValue());
            assertEquals(30 * 256, sheet.getColumnWidth(1), "column widths are kept");
            assertEquals("A1:J4", sheet.getCTWorksheet().getDimension().getRef());
            assertEquals("instrucciones del ERP", results.getSheet("Notas").getRow(0).getCell(0).getStringCellValue());
        }
    }

    /**
     * A blank row above the table (formatted, so the sheet has it) was taken for the header: no field was named, every
     * row was read as empty, and the run ended "0 filas" with nothing sent and nothing said.
     */
    @Test
    void aBlankFormattedRowAboveTheHeaderIsSkipped() throws Exception {
        Path input = dir.resolve("reportes.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input)) {
            XSSFSheet sheet = workbook.createSheet("Reportes");
            CellStyle shaded = workbook.createCellStyle();
            shaded.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_25_PERCENT.getIndex());
            shaded.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            sheet.createRow(0).createCell(0).setCellStyle(shaded);
            String[][] rows = {{"ID", "NoPrescripcion", "EstadoEntrega", "CausaNoEntrega", "ValorEntregado"},
                    {"1000009", "20250602100000000009", "1", "0", "12500.50"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
            }
            workbook.write(out);
        }

        assertEquals(0, MipresClientMain.commandLine().execute("revisar", "reportes", input.toString()));

        try (InputStream in = Files.newInputStream(dir.resolve("reportes.results.xlsx")); XSSFWorkbook results = new XSSFWorkbook(in)) {
            XSSFSheet sheet = results.getSheetAt(0);
            assertEquals(1, sheet.getRow(0).getLastCellNum(), "the blank row is left as it was");
            assertEquals("Resultado", sheet.getRow(1).getCell(5).getStringCellValue());
            assertEquals("VALIDA", sheet.getRow(2).getCell(5).getStringCellValue());
        }
    }

    /** {@code --results} may name the input itself: it is read to its end before it is replaced, and then checked again. */
    @Test
    void theResultsMayBeWrittenIntoTheInputAndItRunsAgain() throws Exception {
        Path input = dir.resolve("entregas.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input)) {
            XSSFSheet sheet = workbook.createSheet();
            String[] headers = {"ID", "NoPrescripcion", "CodSerTecEntregado", "CantTotEntregada", "EntTotal", "CausaNoEntrega",
                    "FecEntrega", "NoLote", "TipoIDRecibe", "NoIDRecibe"};
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) header.createCell(c).setCellValue(headers[c]);
            Row row = sheet.createRow(1);
            Object[] values = {1000005, "20250602100000000005", "19943544-1", 30, 1, 0, LocalDate.of(2025, 6, 3), "L-1", "CC", "1020304050"};
            for (int c = 0; c < values.length; c++) {
                if (values[c] instanceof Integer n) row.createCell(c).setCellValue(n);
                else if (values[c] instanceof LocalDate d) row.createCell(c).setCellValue(d);
                else row.createCell(c).setCellValue((String) values[c]);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            row.getCell(6).setCellStyle(date);
            workbook.write(out);
        }

        for (int run = 0; run < 2; run++) {
            assertEquals(0, MipresClientMain.commandLine().execute("revisar", "entregas", input.toString(), "--results",
                    input.toString()), "run " + run);
        }

        try (InputStream in = Files.newInputStream(input); XSSFWorkbook results = new XSSFWorkbook(in)) {
            Row header = results.getSheetAt(0).getRow(0);
            assertEquals(13, header.getLastCellNum(), "the second run replaced the columns of the first");
            assertEquals("VALIDA", results.getSheetAt(0).getRow(1).getCell(10).getStringCellValue());
            assertEquals(LocalDate.of(2025, 6, 3).atStartOfDay(), results.getSheetAt(0).getRow(1).getCell(6).getLocalDateTimeCellValue());
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing left beside the input");
        }
    }
}
