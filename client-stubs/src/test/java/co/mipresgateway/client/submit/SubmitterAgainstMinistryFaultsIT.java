package co.mipresgateway.client.submit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.RetryPolicy;
import co.mipresgateway.client.SuministroClient;
import co.mipresgateway.client.contract.ReporteEntrega;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The submitter pointed at "the ministry" (WireMock, see MinistryFake) that fails in every way a real service
 * does: every row must end recorded exactly once, and the results file must carry the id the ministry gave.
 */
class SubmitterAgainstMinistryFaultsIT {

    private static final int ROWS = 60;

    @TempDir
    Path dir;

    private WireMockServer ministry;
    private MinistryFake fake;
    private final Map<Long, String> prescripcionOf = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        for (int n = 1; n <= ROWS; n++) prescripcionOf.put(7_000_000L + n, String.format("2025060230%010d", n));
        fake = new MinistryFake(prescripcionOf, 1_500);
        ministry = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(fake)
                .containerThreads(40).jettyAcceptors(1));
        ministry.start();
        ministry.stubFor(any(anyUrl()).willReturn(ok()));
    }

    @AfterEach
    void stop() {
        ministry.stop();
    }

    @Test
    void everyRowIsRecordedExactlyOnceThrough500s408s503sTimeoutsDroppedConnectionsAndA401() throws Exception {
        StringBuilder csv = new StringBuilder("ID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado\n");
        prescripcionOf.forEach((id, p) -> csv.append(id).append(',').append(p).append(",1,0,1000.00\n"));
        Path input = Files.writeString(dir.resolve("reportes.csv"), csv);

        int exit = MipresClientMain.commandLine().execute("submit", "reportes", input.toString(),
                "--url", ministry.baseUrl() + "/WSSUMMIPRESNOPBS/api", "--nit", MinistryFake.NIT, "--token", MinistryFake.PRIMARY,
                "--timeout", "0.5", "--retry-base-ms", "20", "--max-attempts", "10", "--concurrency", "6");

        assertEquals(0, exit);
        List<String> results = Files.readAllLines(dir.resolve("reportes.results.csv"));
        assertEquals(ROWS + 1, results.size());
        for (String line : results.subList(1, results.size())) {
            String[] cells = line.split(",", -1);
            long id = Long.parseLong(cells[0]);
            List<Long> records = fake.recordsOf(id);
            assertEquals(1, records.size(), "ID " + id + " recorded " + records);
            assertEquals("OK", cells[5], line);
            assertEquals(String.valueOf(records.get(0)), cells[6], line);
        }
        // Each kind of trouble really happened, and the session token was renewed mid-run.
        for (String fault : List.of("500", "slow", "reset", "dropped", "502", "408", "503", "401", "lookup")) {
            assertTrue(fake.served(fault) > 0, "the ministry never served " + fault);
        }
        assertTrue(fake.served("GenerarToken") >= 2, "the token was not renewed after the 401");
    }

    /**
     * A service that answers 503 says when to come back (Retry-After: 1 s busy, 5 s while its database changes server,
     * 30 s while its disk is full); the run's own backoff (--retry-base-ms 20) would come back at once, and fail again.
     * Only the rows the fake answers 503 (IDs ending in 7), with a timeout the answer cannot miss.
     */
    @Test
    void aBusyAnswersRetryAfterIsObeyed() throws Exception {
        StringBuilder csv = new StringBuilder("ID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado\n");
        prescripcionOf.forEach((id, p) -> {
            if (id % 10 == 7) csv.append(id).append(',').append(p).append(",1,0,1000.00\n");
        });
        Path input = Files.writeString(dir.resolve("reportes.csv"), csv);

        assertEquals(0, MipresClientMain.commandLine().execute("submit", "reportes", input.toString(), "--url",
                ministry.baseUrl(), "--nit", MinistryFake.NIT, "--token", MinistryFake.PRIMARY, "--timeout", "10",
                "--retry-base-ms", "20", "--concurrency", "6", "--max-attempts", "3"));

        assertEquals(ROWS / 10, fake.served("503"));
        assertEquals(ROWS / 10, fake.sentAgainAfterABusyAnswer().size(), fake.sentAgainAfterABusyAnswer().toString());
        fake.sentAgainAfterABusyAnswer().forEach((id, millis) ->
                assertTrue(millis >= 1_000, "ID " + id + " sent again " + millis + " ms after a 503 asking for 1 s"));
    }

    @Test
    void aRefusalSayingNothingWasKeptIsSentAgainWithoutALookupAndAPlainErrorIsLookedUpFirst() throws Exception {
        // IDs ending 6 get a 408 and IDs ending 7 a 503, both saying "no se guardó nada"; IDs ending 1 a bare 500 "Error.".
        StringBuilder csv = new StringBuilder("ID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado\n");
        prescripcionOf.forEach((id, p) -> {
            if (id % 10 == 6 || id % 10 == 7 || id % 10 == 1) csv.append(id).append(',').append(p).append(",1,0,1000.00\n");
        });
        Path input = Files.writeString(dir.resolve("reportes.csv"), csv);

        assertEquals(0, MipresClientMain.commandLine().execute("submit", "reportes", input.toString(), "--url",
                ministry.baseUrl(), "--nit", MinistryFake.NIT, "--token", MinistryFake.PRIMARY, "--timeout", "10",
                "--retry-base-ms", "20", "--concurrency", "6", "--max-attempts", "3"));

        assertEquals(ROWS / 10, fake.served("408"));
        assertEquals(ROWS / 10, fake.served("503"));
        assertEquals(ROWS / 10, fake.served("500"));
        assertEquals(ROWS / 10, fake.served("lookup"), "one lookup for each row answered 500, none for the others");
        prescripcionOf.keySet().forEach(id -> assertTrue(fake.recordsOf(id).size() <= 1, "ID " + id + " recorded twice"));
    }

    @Test
    void theClientsExactlyOnceRecordsEachReportOnceThroughEveryFault() {
        // What an ERP does with one delivery at a time, without the submitter: every fault of the fake, a timeout
        // shorter than its slow answers, and the session token it forgets midway.
        SuministroClient client = SuministroClient.builder(ministry.baseUrl()).credentials(MinistryFake.NIT, MinistryFake.PRIMARY)
                .requestTimeout(Duration.ofMillis(500)).putRetry(new RetryPolicy(8, Duration.ofMillis(20), Duration.ofMillis(200)))
                .build();
        prescripcionOf.forEach((id, prescripcion) -> {
            ReporteEntrega reporte = new ReporteEntrega();
            reporte.setID(id);
            reporte.setEstadoEntrega(1);
            reporte.setCausaNoEntrega(0);
            reporte.setValorEntregado(new BigDecimal("1000.00"));
            long answered = client.reporteEntregaExactlyOnce(reporte, prescripcion).getIdReporteEntrega();
            assertEquals(List.of(answered), fake.recordsOf(id), "ID " + id + " (fault " + id % 10 + ")");
        });
        assertTrue(fake.served("lookup") >= ROWS / 10 * 3, "the slow, dropped and 502 answers were looked up");
    }

    @Test
    void aRunThatGivesUpLeavesRowsPendingAndTheNextRunFinishesThemWithoutDoubles() throws Exception {
        StringBuilder csv = new StringBuilder("ID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado\n");
        prescripcionOf.forEach((id, p) -> csv.append(id).append(',').append(p).append(",1,0,1000.00\n"));
        Path input = Files.writeString(dir.resolve("reportes.csv"), csv);
        String[] args = {"submit", "reportes", input.toString(), "--url", ministry.baseUrl(), "--nit", MinistryFake.NIT,
                "--token", MinistryFake.PRIMARY, "--timeout", "0.5", "--retry-base-ms", "20", "--concurrency", "6",
                "--max-attempts", "1"};

        // One attempt per row: every row that met a fault is left pending (outcome unknown or not sent).
        assertEquals(1, MipresClientMain.commandLine().execute(args));
        assertTrue(Files.readString(dir.resolve("reportes.results.csv")).contains("PENDIENTE"));

        args[args.length - 1] = "10";
        assertEquals(0, MipresClientMain.commandLine().execute(args));
        for (long id : prescripcionOf.keySet()) assertEquals(1, fake.recordsOf(id).size(), "ID " + id);
    }
}
