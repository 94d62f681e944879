package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A range of days that cannot be asked is told before the command connects: against an address that did not answer, it
 * was four tries and a connection failure (exit 4), the range never mentioned.
 */
class RangeBeforeConnectingTest {

    private static final String[] NOWHERE = {"--url", "http://127.0.0.1:1", "--nit", "900000001", "--token", "x"};

    @Test
    void consultarAndConciliarTellABackwardsOrTooLongRangeWithoutConnecting(@TempDir Path dir) throws Exception {
        Path rows = Files.writeString(dir.resolve("reportes.csv"), "ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado\n");
        assertEquals("El rango de fechas termina (2026-11-01) antes de empezar (2026-12-01).",
                refused("consultar", "reportes", "--desde", "2026-12-01", "--hasta", "2026-11-01"));
        assertEquals("Un rango de 2527 días (2020-01-01 a 2026-12-01): consulte a lo sumo 366 días por vez.",
                refused("conciliar", "reportes", rows.toString(), "--desde", "2020-01-01", "--hasta", "2026-12-01"));
    }

    /** What the command said, it having ended with exit code 2. */
    private static String refused(String... command) throws Exception {
        String[] args = Stream.concat(Arrays.stream(command), Arrays.stream(NOWHERE)).toArray(String[]::new);
        return StandardError.during(() -> assertEquals(2, MipresClientMain.commandLine().execute(args), String.join(" ", args)))
                .strip();
    }
}
