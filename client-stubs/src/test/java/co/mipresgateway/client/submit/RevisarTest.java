package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code revisar}: the submitter's row checks alone, with no service and no credentials. */
class RevisarTest {

    @TempDir
    Path dir;

    @Test
    void everyRowIsCheckedAndNothingIsSentNorJournaled() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.csv"), """
                ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado
                1000009;20250602100000000009;1;0;12500.50
                1000010;2025060210000000001;1;0;12500.50
                1000011;20250602100000000011;1;0;12.500,50
                1000009;20250602100000000009;1;0;100
                """);

        // No --url, --nit nor --token: nothing can be sent.
        assertEquals(1, MipresClientMain.commandLine().execute("revisar", "reportes", input.toString()));

        List<String> results = Files.readAllLines(dir.resolve("reportes.results.csv"));
        assertEquals("ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado;Resultado;IdReporteEntrega;Errores",
                results.get(0));
        assertTrue(results.get(1).endsWith(";VALIDA;;"), results.get(1));
        assertTrue(results.get(2).contains(";INVALIDA;;") && results.get(2).contains("NoPrescripcion"), results.get(2));
        assertTrue(results.get(3).contains(";INVALIDA;;") && results.get(3).contains("ValorEntregado"), results.get(3));
        assertTrue(results.get(4).contains(";INVALIDA;;") && results.get(4).contains("ya está en la fila 2"), results.get(4));
        assertFalse(Files.exists(dir.resolve("reportes.csv.journal")), "no journal: nothing was sent");
    }

    @Test
    void aFileWithEveryRowValidExitsZero() throws Exception {
        Path input = Files.writeString(dir.resolve("entregas.jsonl"),
                "{\"ID\":1000005,\"NoPrescripcion\":\"20250602100000000005\",\"CodSerTecEntregado\":\"19943544-1\","
                        + "\"CantTotEntregada\":\"30\",\"EntTotal\":1,\"CausaNoEntrega\":0,\"FecEntrega\":\"2025-06-03\","
                        + "\"NoLote\":\"L-1\",\"TipoIDRecibe\":\"CC\",\"NoIDRecibe\":\"1020304050\"}\n");
        assertEquals(0, MipresClientMain.commandLine().execute("revisar", "entregas", input.toString()));
        assertTrue(Files.readString(dir.resolve("entregas.results.jsonl")).contains("\"Resultado\":\"VALIDA\""));
    }
}
