package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV files as Excel in Colombian Spanish saves them: "CSV (delimitado por comas)" in Windows-1252, "CSV UTF-8" with a
 * byte order mark. Their accents are read as written, and the results file is written the way the input was, so that
 * Excel opens it with its accents (the Errores column is Spanish) where the user opened the input.
 */
class CsvEncodingTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String CSV = "ID;EstadoEntrega;CausaNoEntrega;ValorEntregado;NoPrescripcion;Observación\r\n"
            + "1000009;1;0;12500,50;20250602100000000009;José Pérez, teléfono del acudiente\r\n";

    @Test
    void aWindows1252FileFromExcelIsReadWithItsAccentsAndItsResultsWrittenBackInWindows1252(@TempDir Path dir)
            throws Exception {
        Path input = dir.resolve("reportes.csv");
        Files.write(input, CSV.getBytes(WINDOWS_1252));

        InputTable table = InputReader.read(input);

        assertEquals("Observación", table.headers().get(5));
        assertEquals("José Pérez, teléfono del acudiente", table.rows().get(0).values().get("Observación"));
        byte[] results = writeResults(input, table, dir);
        String text = new String(results, WINDOWS_1252);
        assertTrue(text.startsWith("ID;EstadoEntrega;CausaNoEntrega;ValorEntregado;NoPrescripcion;Observación;Resultado"), text);
        assertTrue(text.contains("José Pérez") && text.contains("Valor inválido"), text);
        assertTrue(!new String(results, StandardCharsets.UTF_8).contains("José"), "written in UTF-8, not as the input was");
    }

    @Test
    void aUtf8FileWithAByteOrderMarkKeepsItInTheResults(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("reportes.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        Files.write(input, bytes);

        InputTable table = InputReader.read(input);

        assertEquals("ID", table.headers().get(0));
        assertEquals("José Pérez, teléfono del acudiente", table.rows().get(0).values().get("Observación"));
        byte[] results = writeResults(input, table, dir);
        byte[] start = new byte[3];
        System.arraycopy(results, 0, start, 0, 3);
        assertArrayEquals(bom, start, "Excel reads a UTF-8 file without its mark as Windows-1252");
        assertTrue(new String(results, StandardCharsets.UTF_8).contains("Valor inválido"));
    }

    @Test
    void aUtf8FileWithoutAMarkStaysSo(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("reportes.csv");
        Files.writeString(input, CSV, StandardCharsets.UTF_8);

        InputTable table = InputReader.read(input);

        assertEquals("José Pérez, teléfono del acudiente", table.rows().get(0).values().get("Observación"));
        byte[] results = writeResults(input, table, dir);
        assertEquals('I', results[0]);
        assertTrue(new String(results, StandardCharsets.UTF_8).contains("José Pérez"));
    }

    private static byte[] writeResults(Path input, InputTable table, Path dir) throws Exception {
        Path output = dir.resolve("reportes.results.csv");
        InputRow row = table.rows().get(0);
        ResultsWriter.write(input, output, table, SubmissionKind.REPORTES,
                Map.of(row, Outcome.error(List.of("ValorEntregado: Valor inválido."))));
        return Files.readAllBytes(output);
    }
}
