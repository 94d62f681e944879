package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file too large for the heap the client was given printed Java's stack trace, which says nothing of what to do. */
class FileTooLargeForTheHeapTest {

    @TempDir
    Path dir;

    @Test
    void isToldInSpanishWithWhatToDoAndExitCodeTwo() throws Exception {
        Path input = dir.resolve("entregas.csv");
        try (Writer out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            out.write("ID;NoPrescripcion;CodSerTecEntregado;CantTotEntregada;EntTotal;CausaNoEntrega;FecEntrega;NoLote;"
                    + "TipoIDRecibe;NoIDRecibe;Observacion\n");
            for (int r = 1; r <= 150_000; r++) {
                out.write((1_000_000 + r) + ";" + String.format("2025060210%010d", r) + ";19943544-1;30;1;0;2025-06-03;L-1;CC;"
                        + "1020304050;entrega de prueba número " + r + "\n");
            }
        }
        Path log = dir.resolve("revisar.log");
        SmallHeapRun revisar = SmallHeapRun.of("48m", Duration.ofMinutes(2), log, MipresClientMain.class, "revisar", "entregas",
                input.toString());
        String said = revisar.output();
        assertEquals(2, revisar.exitCode(), said);
        assertTrue(said.startsWith("La memoria de Java no alcanzó ("), said);
        assertTrue(said.contains("java -Xmx2g -jar mipres-client.jar"), said);
        assertTrue(!said.contains("\tat "), "no stack trace: " + said);
    }
}
