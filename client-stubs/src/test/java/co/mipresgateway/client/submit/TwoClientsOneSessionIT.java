package co.mipresgateway.client.submit;

import static co.mipresgateway.client.GatewayProcess.EPS;
import static co.mipresgateway.client.GatewayProcess.EPS_TOKEN;
import static co.mipresgateway.client.GatewayProcess.PROV1;
import static co.mipresgateway.client.GatewayProcess.PROV1_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.GatewayProcess;
import co.mipresgateway.client.MipresException;
import co.mipresgateway.client.SuministroClient;
import co.mipresgateway.client.SuministroSoap;
import co.mipresgateway.client.contract.ConsultaXPrescripcion;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.time.Duration;
import co.mipresgateway.client.submit.DemoChains.Chain;
import co.mipresgateway.client.submit.DemoChains.Until;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One report says the ministry's GenerarToken ends the NIT's earlier session tokens. Two processes of one provider
 * (an ERP and a submitter, say) then end each other's tokens: each must renew on the 401 and go on.
 */
class TwoClientsOneSessionIT {

    private static final LocalDate DEMO_DAY = LocalDate.of(2025, 6, 3);

    @TempDir
    Path dir;

    @Test
    void twoClientsOfOneNitKeepWorkingWhileEachNewTokenEndsTheOthers() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(Map.of("MIPRES_SANDBOX_ONE_SESSION", "true"))) {
            SuministroClient erp = gateway.client(PROV1, PROV1_TOKEN);
            SuministroClient submitter = gateway.client(PROV1, PROV1_TOKEN);
            for (int i = 0; i < 10; i++) {
                assertEquals(4, erp.entregaXFecha(DEMO_DAY).size());
                assertEquals(4, submitter.entregaXFecha(DEMO_DAY).size());
            }

            ExecutorService threads = Executors.newFixedThreadPool(8);
            AtomicInteger failed = new AtomicInteger();
            List<Future<?>> calls = new ArrayList<>();
            for (SuministroClient client : List.of(erp, submitter)) {
                for (int t = 0; t < 4; t++) {
                    calls.add(threads.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            try {
                                client.entregaXFecha(DEMO_DAY);
                            } catch (MipresException refused) {
                                failed.incrementAndGet();
                            }
                        }
                    }));
                }
            }
            for (Future<?> call : calls) call.get();
            threads.shutdown();
            assertEquals(0, failed.get(), failed + " of 400 calls failed");
        }
    }

    @Test
    void theSubmitterReportsEveryRowWhileTheErpQueriesWithTheSameNit() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(Map.of("MIPRES_SANDBOX_ONE_SESSION", "true"))) {
            List<Chain> chains = DemoChains.build(gateway.client(EPS, EPS_TOKEN), gateway.client(PROV1, PROV1_TOKEN), 40,
                    Until.ENTREGADA);
            StringBuilder csv = new StringBuilder("ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado\n");
            for (Chain c : chains) csv.append(c.id()).append(';').append(c.noPrescripcion()).append(";1;0;12500.50\n");
            Path input = Files.writeString(dir.resolve("reportes.csv"), csv);

            SuministroClient erp = gateway.client(PROV1, PROV1_TOKEN);
            AtomicBoolean submitting = new AtomicBoolean(true);
            AtomicInteger erpCalls = new AtomicInteger();
            AtomicInteger erpFailures = new AtomicInteger();
            Thread erpQueries = new Thread(() -> {
                while (submitting.get()) {
                    try {
                        erp.entregaXFecha(DEMO_DAY);
                        erpCalls.incrementAndGet();
                    } catch (MipresException refused) {
                        erpFailures.incrementAndGet();
                    }
                }
            });
            erpQueries.start();
            int exit;
            try {
                exit = MipresClientMain.commandLine().execute("submit", "reportes", input.toString(), "--no-progress",
                        "--url", gateway.base(), "--nit", PROV1, "--token", PROV1_TOKEN);
            } finally {
                submitting.set(false);
                erpQueries.join();
            }
            assertEquals(0, exit, Files.readString(dir.resolve("reportes.results.csv")));
            assertTrue(erpCalls.get() > 0, "the ERP's queries ran beside the submitter");
            assertEquals(0, erpFailures.get(), erpFailures + " of the ERP's queries failed");
            for (Chain c : chains) assertEquals(1, erp.reporteEntregaXPrescripcion(c.noPrescripcion()).size());
        }
    }

    @Test
    void overSoapTooTwoPortsOfOneNitKeepWorking() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(Map.of("MIPRES_SANDBOX_ONE_SESSION", "true"))) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            AtomicInteger failed = new AtomicInteger();
            List<Future<?>> calls = new ArrayList<>();
            for (int process = 0; process < 2; process++) {
                SuministroSoap soap = SuministroSoap.connect(gateway.base(), PROV1, PROV1_TOKEN, Duration.ofSeconds(30));
                ConsultaXPrescripcion consulta = new ConsultaXPrescripcion();
                consulta.setNoPrescripcion("20250602100000000009");
                for (int t = 0; t < 4; t++) {
                    calls.add(threads.submit(() -> {
                        for (int i = 0; i < 30; i++) {
                            try {
                                soap.call(p -> p.entregaXPrescripcion(consulta, null));
                            } catch (SOAPFaultException refused) {
                                failed.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> call : calls) call.get();
            threads.shutdown();
            assertEquals(0, failed.get(), failed + " of 240 calls failed");
        }
    }
}
