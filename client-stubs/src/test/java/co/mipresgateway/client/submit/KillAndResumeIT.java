package co.mipresgateway.client.submit;

import static co.mipresgateway.client.GatewayProcess.EPS;
import static co.mipresgateway.client.GatewayProcess.EPS_TOKEN;
import static co.mipresgateway.client.GatewayProcess.PROV1;
import static co.mipresgateway.client.GatewayProcess.PROV1_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.GatewayProcess;
import co.mipresgateway.client.SuministroClient;
import co.mipresgateway.client.contract.ReporteEntregaRegistro;
import co.mipresgateway.client.submit.DemoChains.Chain;
import co.mipresgateway.client.submit.DemoChains.Until;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged submitter is killed with SIGKILL in the middle of a run and started again on the same file: the
 * gateway ends with exactly one reporte per row, and the results file names each one.
 */
class KillAndResumeIT {

    private static final int ROWS = 400;

    @TempDir
    Path dir;

    @Test
    void aSubmitterKilledMidRunAndStartedAgainReportsEveryRowExactlyOnce() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(Map.of())) {
            SuministroClient provider = gateway.client(PROV1, PROV1_TOKEN);
            List<Chain> chains = DemoChains.build(gateway.client(EPS, EPS_TOKEN), provider, ROWS, Until.ENTREGADA);
            StringBuilder csv = new StringBuilder("ID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado\n");
            for (Chain c : chains) csv.append(c.id()).append(',').append(c.noPrescripcion()).append(",1,0,12500.50\n");
            Path input = Files.writeString(dir.resolve("reportes.csv"), csv);
            Path journal = dir.resolve("reportes.csv.journal");

            Process first = submitter(gateway, input, "first.log");
            long deadline = System.currentTimeMillis() + 60_000;
            while (doneLines(journal) < ROWS / 5 && first.isAlive() && System.currentTimeMillis() < deadline) Thread.sleep(5);
            first.destroyForcibly();           // SIGKILL: no shutdown hook, no flush, no goodbye
            first.waitFor();
            long doneAtKill = doneLines(journal);
            long inFlightAtKill = lines(journal, "\"SENDING\"") - doneAtKill;
            assertTrue(doneAtKill < ROWS, "the submitter finished before it could be killed; make the file bigger");

            Process second = submitter(gateway, input, "second.log");
            assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the resumed run did not finish");
            String log = Files.readString(dir.resolve("second.log"));
            assertEquals(0, second.exitValue(), log);
            assertTrue(!log.contains("\r") && !log.contains("filas/s"), "into a pipe the submitter draws no progress: " + log);
            assertTrue(log.contains(ROWS + " filas: " + ROWS + " OK, 0 con error, 0 inválidas, 0 pendientes (servicio "
                    + gateway.base() + " (REST), NIT " + PROV1 + "). Resultados: "), "the summary says where the rows went: " + log);

            Map<String, String> resultByPrescripcion = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("reportes.results.csv")).subList(1, ROWS + 1)) {
                String[] cells = line.split(",", -1);
                assertEquals("OK", cells[5], line);
                resultByPrescripcion.put(cells[1], cells[6]);
            }
            for (Chain c : chains) {
                List<ReporteEntregaRegistro> records = provider.reporteEntregaXPrescripcion(c.noPrescripcion());
                assertEquals(1, records.size(), "ID " + c.id() + ": " + records.size() + " reportes");
                assertEquals(String.valueOf(records.get(0).getIDReporteEntrega()), resultByPrescripcion.get(c.noPrescripcion()));
            }
            System.out.printf("killed after %d of %d rows were journaled done, %d with an unknown outcome%n",
                    doneAtKill, ROWS, inFlightAtKill);
        }
    }

    private Process submitter(GatewayProcess gateway, Path input, String log) throws Exception {
        Path jar = Path.of(System.getProperty("mipres.client.jar", "target/mipres-client.jar")).toAbsolutePath();
        assertTrue(Files.exists(jar), "package first: " + jar);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "submit", "reportes", input.toString(), "--url", gateway.base(),
                "--nit", PROV1, "--token", PROV1_TOKEN, "--concurrency", "4");
        builder.redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
        return builder.start();
    }

    private static long doneLines(Path journal) throws Exception {
        return lines(journal, "\"DONE\"");
    }

    private static long lines(Path journal, String containing) throws Exception {
        if (!Files.exists(journal)) return 0;
        try (var lines = Files.lines(journal)) {
            return lines.filter(l -> l.contains(containing)).count();
        }
    }
}
