package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An .xlsx of rows to send was opened whole, twice (to read it, then to add the result columns): 50,000 entregas did
 * not fit in 512 MB and took 22 s to check. The sheet is now read and rewritten as it streams by.
 */
class LargeWorkbookInputTest {

    private static final int ROWS = 50_000;

    @TempDir
    Path dir;

    @Test
    void fiftyThousandEntregasInAWorkbookAreCheckedAndTheirResultsWrittenInA128MegabyteHeap() throws Exception {
        Path input = dir.resolve("entregas.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(input)) {
            Sheet sheet = workbook.createSheet("Entregas");
            String[] headers = {"ID", "NoPrescripcion", "CodSerTecEntregado", "CantTotEntregada", "EntTotal", "CausaNoEntrega",
                    "FecEntrega", "NoLote", "TipoIDRecibe", "NoIDRecibe", "Sede", "Observacion"};
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) header.createCell(c).setCellValue(headers[c]);
            for (int r = 1; r <= ROWS; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(1_000_000 + r);
                row.createCell(1).setCellValue(String.format("2025060210%010d", r));
                row.createCell(2).setCellValue("19943544-1");
                row.createCell(3).setCellValue(30);
                row.createCell(4).setCellValue(1);
                row.createCell(5).setCellValue(0);
                row.createCell(6).setCellValue("2025-06-03");
                row.createCell(7).setCellValue("L-2025-06");
                row.createCell(8).setCellValue("CC");
                row.createCell(9).setCellValue("1020304050");
                row.createCell(10).setCellValue("Sede Norte " + r % 7);
                row.createCell(11).setCellValue("entrega de prueba número " + r);
            }
            workbook.write(out);
            workbook.dispose();
        }

        Path log = dir.resolve("revisar.log");
        SmallHeapRun revisar = SmallHeapRun.of("128m", Duration.ofMinutes(5), log, MipresClientMain.class, "revisar", "entregas",
                input.toString());
        String said = revisar.output();
        assertEquals(0, revisar.exitCode(), said);
        assertTrue(said.contains(ROWS + " filas: " + ROWS + " válidas, 0 inválidas"), said);

        try (ZipFile results = new ZipFile(dir.resolve("entregas.results.xlsx").toFile())) {
            String sheet = new String(results.getInputStream(results.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals(ROWS + 1, Pattern.compile("<row ").matcher(sheet).results().count());
            assertEquals(ROWS, Pattern.compile("<t xml:space=\"preserve\">VALIDA</t>").matcher(sheet).results().count());
            assertTrue(sheet.contains("<c r=\"M1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Resultado</t>"), sheet.substring(0, 2000));
        }
    }
}
