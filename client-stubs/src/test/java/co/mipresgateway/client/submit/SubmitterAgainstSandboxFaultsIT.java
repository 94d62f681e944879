package co.mipresgateway.client.submit;

import static co.mipresgateway.client.GatewayProcess.EPS;
import static co.mipresgateway.client.GatewayProcess.EPS_TOKEN;
import static co.mipresgateway.client.GatewayProcess.PROV1;
import static co.mipresgateway.client.GatewayProcess.PROV1_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.GatewayProcess;
import co.mipresgateway.client.RetryPolicy;
import co.mipresgateway.client.SuministroClient;
import co.mipresgateway.client.TypedBodies;
import co.mipresgateway.client.contract.ReporteEntregaRegistro;
import co.mipresgateway.client.submit.DemoChains.Chain;
import co.mipresgateway.client.submit.DemoChains.Until;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The submitter and the typed client against the real gateway started with MIPRES_SANDBOX_FAULTS=0.3 and every kind:
 * a third of the PUTs fail as the ministry's do, before or after their commit, with "Error." or with no answer, and a
 * third of the queries that look them up fail too. Every report must end recorded exactly once, and each row's result
 * must carry the id the service kept. An attempt fails at worst about half the time (its lookup, or its PUT): 20
 * attempts leave a row unresolved about once in a million.
 */
class SubmitterAgainstSandboxFaultsIT {

    @TempDir
    Path dir;

    @Test
    void everyReportEndsRecordedOnceWithTheIdTheServiceKept() throws Exception {
        List<Chain> chains;
        Path data;
        try (GatewayProcess clean = GatewayProcess.start(Map.of())) {
            chains = DemoChains.build(clean.client(EPS, EPS_TOKEN), clean.client(PROV1, PROV1_TOKEN), 40, Until.ENTREGADA);
            data = Path.of(clean.dataDir.toString());
        }
        try (GatewayProcess faulty = GatewayProcess.start(Map.of("MIPRES_DATA_DIR", data.toString(),
                "MIPRES_SANDBOX_FAULTS", "0.3",
                "MIPRES_SANDBOX_FAULTS_KINDS", "not-written,written-error,written-no-answer,query-error"))) {
            StringBuilder csv = new StringBuilder("ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado\n");
            for (Chain c : chains.subList(0, 30)) csv.append(c.id()).append(';').append(c.noPrescripcion()).append(";1;0;12500.50\n");
            Path input = Files.writeString(dir.resolve("reportes.csv"), csv);

            int exit = MipresClientMain.commandLine().execute("submit", "reportes", input.toString(), "--no-progress",
                    "--retry-base-ms", "20", "--max-attempts", "20", "--url", faulty.base(), "--nit", PROV1, "--token", PROV1_TOKEN);

            assertEquals(0, exit, Files.readString(dir.resolve("reportes.results.csv")));
            SuministroClient provider = SuministroClient.builder(faulty.base()).credentials(PROV1, PROV1_TOKEN)
                    .putRetry(new RetryPolicy(20, Duration.ofMillis(20), Duration.ofMillis(200)))
                    .dayRetry(new RetryPolicy(20, Duration.ofMillis(20), Duration.ofMillis(200))).build();
            List<String> results = Files.readAllLines(dir.resolve("reportes.results.csv"));
            for (int i = 0; i < 30; i++) {
                String[] cells = results.get(i + 1).split(";", -1);
                assertEquals("OK", cells[5], results.get(i + 1));
                assertEquals(String.valueOf(onlyReporte(provider, chains.get(i)).getIDReporteEntrega()), cells[6]);
            }

            for (Chain c : chains.subList(30, 40)) {
                long id = provider.reporteEntregaExactlyOnce(TypedBodies.reporte(c.id()), c.noPrescripcion()).getIdReporteEntrega();
                assertEquals(onlyReporte(provider, c).getIDReporteEntrega(), id);
            }

            String log = Files.readString(faulty.dataDir.resolve("gateway.log"));
            assertTrue(log.contains("Sandbox fault written-"), "some reports were kept and their answers lost:\n" + log);
            assertTrue(log.contains("Sandbox fault query-error"), "some lookups failed:\n" + log);
        }
    }

    private static ReporteEntregaRegistro onlyReporte(SuministroClient provider, Chain chain) {
        List<ReporteEntregaRegistro> kept = provider.queryRetried(() -> provider.reporteEntregaXPrescripcion(chain.noPrescripcion()));
        assertEquals(1, kept.size(), "chain " + chain.id() + ": " + kept.size() + " reportes");
        return kept.get(0);
    }
}
