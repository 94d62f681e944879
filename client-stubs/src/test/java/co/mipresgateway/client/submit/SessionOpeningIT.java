package co.mipresgateway.client.submit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.GatewayProcess;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the commands open their session: a service that cannot answer is asked again and, if it never does, the run
 * ends with exit code 4 ("run again later"), not 3 ("credentials refused"); a refusal is asked once. WireMock plays
 * the ministry; the unreachable service is a port nothing listens on.
 */
class SessionOpeningIT {

    private static final String GENERAR_TOKEN = "/WSSUMMIPRESNOPBS/api/GenerarToken/.*";
    private static final String NIT = "900123456";
    private static final String PRIMARY = "865E5C5D-FB56-4D24-95F3-D00B42453CF1";

    @TempDir
    Path dir;

    private WireMockServer ministry;

    @BeforeEach
    void start() {
        ministry = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        ministry.start();
    }

    @AfterEach
    void stop() {
        ministry.stop();
    }

    @Test
    void aServiceThatCannotAnswerTwiceIsAskedAgainAndTheCommandGoesOn() {
        ministry.stubFor(get(urlPathMatching(GENERAR_TOKEN)).inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"Message\":\"Service Unavailable\"}")).willSetStateTo("second"));
        ministry.stubFor(get(urlPathMatching(GENERAR_TOKEN)).inScenario("blip").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        ministry.stubFor(get(urlPathMatching(GENERAR_TOKEN)).inScenario("blip").whenScenarioStateIs("up")
                .willReturn(okJson("\"" + "A".repeat(43) + "=\"")));
        ministry.stubFor(get(urlPathMatching("/WSSUMMIPRESNOPBS/api/ReporteEntregaXFecha/.*")).willReturn(okJson("[]")));
        Path out = dir.resolve("reportes.csv");

        int exit = MipresClientMain.commandLine().execute("consultar", "reportes", "--desde", "2025-06-01", "--hasta", "2025-06-01",
                "--out", out.toString(), "--url", ministry.baseUrl(), "--nit", NIT, "--token", PRIMARY);

        assertEquals(0, exit);
        assertTrue(Files.exists(out));
        ministry.verify(3, getRequestedFor(urlPathMatching(GENERAR_TOKEN)));
    }

    @Test
    void refusedCredentialsAreAskedOnceAndEndWithExitCodeThree() throws Exception {
        ministry.stubFor(get(urlPathMatching(GENERAR_TOKEN))
                .willReturn(aResponse().withStatus(401).withBody("{\"Message\":\"Credenciales inválidas\"}")));
        Path input = Files.writeString(dir.resolve("r.csv"), "ID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado\n"
                + "1,20250602100000000009,1,0,1\n", StandardCharsets.UTF_8);

        int exit = MipresClientMain.commandLine().execute("submit", "reportes", input.toString(), "--url", ministry.baseUrl(),
                "--nit", NIT, "--token", PRIMARY);

        assertEquals(3, exit);
        // Each try would count towards the NIT's lock (5 in 15 minutes): a refusal is not asked again.
        ministry.verify(1, getRequestedFor(urlPathMatching(GENERAR_TOKEN)));
        assertFalse(Files.exists(dir.resolve("r.results.csv")));
    }

    /** An http:// address the ministry sends to https:// was told as refused credentials (exit 3). */
    @Test
    void anAddressThatRedirectsIsAskedOnceAndEndsWithTheUsageExitCodeNamingWhereTo() throws Exception {
        ministry.stubFor(get(urlPathMatching(GENERAR_TOKEN)).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://wsmipres.sispro.gov.co/WSSUMMIPRESNOPBS/api/GenerarToken/" + NIT + "/" + PRIMARY)));

        Submitted run = submitterJar(ministry.baseUrl());

        assertEquals(2, run.exit, run.output);
        ministry.verify(1, getRequestedFor(urlPathMatching(GENERAR_TOKEN)));
        assertTrue(run.output.contains("no abrió la sesión: HTTP 301: el servicio responde desde otra dirección"
                + " (https://wsmipres.sispro.gov.co): úsela como dirección del servicio"), run.output);
        assertFalse(run.output.contains(PRIMARY), "the primary token of the Location is not printed: " + run.output);
    }

    @Test
    void aServiceThatNeverAnswersEndsWithExitCodeFourOverRest() throws Exception {
        ministry.stubFor(get(urlPathMatching(GENERAR_TOKEN)).willReturn(aResponse().withStatus(500).withBody("{\"Message\":\"Error.\"}")));

        Submitted run = submitterJar(ministry.baseUrl());

        assertEquals(4, run.exit, run.output);
        ministry.verify(4, getRequestedFor(urlPathMatching(GENERAR_TOKEN)));
        assertTrue(run.output.contains("no respondió tras 4 intentos (Error.)"), run.output);
        assertTrue(run.output.contains("se intenta de nuevo en"), run.output);
        assertFalse(Files.exists(dir.resolve("reportes.results.csv")), "no results written");
    }

    @Test
    void anUnreachableServiceEndsWithExitCodeFourInOneLineOverSoap() throws Exception {
        Submitted run = submitterJar("http://127.0.0.1:" + GatewayProcess.freePort(), "--soap");

        assertEquals(4, run.exit, run.output);
        assertTrue(run.output.contains("no respondió tras 4 intentos"), run.output);
        // CXF would print a stack trace per try among the command's own lines.
        assertFalse(run.output.contains("\tat "), run.output);
        assertFalse(run.output.contains("INFO: Creating Service"), run.output);
    }

    @Test
    void anUnreachableServiceEndsWithExitCodeFourOverRestNamingTheAddress() throws Exception {
        int port = GatewayProcess.freePort();
        Submitted run = submitterJar("http://127.0.0.1:" + port);

        assertEquals(4, run.exit, run.output);
        assertTrue(run.output.contains("no se pudo conectar con 127.0.0.1:" + port), run.output);
        assertFalse(run.output.contains("(null)"), run.output);
    }

    @Test
    void aFileThatCannotBeReadEndsWithTheFileExitCodeBeforeTheServiceIsAsked() throws Exception {
        String titledFile = "Reportes de entrega, noviembre\nID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado\n"
                + "1,20250602100000000009,1,0,1\n";

        Submitted whileDown = submitterJarReading(titledFile, "http://127.0.0.1:" + GatewayProcess.freePort());
        Submitted whileUp = submitterJarReading(titledFile, ministry.baseUrl());

        // Not 4, "run again later": a scheduler would run it again until the service answered, and only then be told.
        assertEquals(2, whileDown.exit, whileDown.output);
        assertTrue(whileDown.output.contains("La primera línea de reportes.csv no nombra las columnas ID ni NoPrescripcion"),
                whileDown.output);
        assertEquals(2, whileUp.exit, whileUp.output);
        // conciliar reads a file of the same kind, and is told the same way.
        Path titled = Files.writeString(dir.resolve("titulada.csv"), titledFile, StandardCharsets.UTF_8);
        assertEquals(2, MipresClientMain.commandLine().execute("conciliar", "reportes", titled.toString(), "--url",
                "http://127.0.0.1:" + GatewayProcess.freePort(), "--nit", NIT, "--token", PRIMARY, "--timeout", "5"));
        assertEquals(2, MipresClientMain.commandLine().execute("conciliar", "reportes", titled.toString(), "--url",
                ministry.baseUrl(), "--nit", NIT, "--token", PRIMARY, "--timeout", "5"));
        ministry.verify(0, getRequestedFor(urlPathMatching(GENERAR_TOKEN)));
    }

    private record Submitted(int exit, String output) {
    }

    private Submitted submitterJar(String url, String... more) throws Exception {
        return submitterJarReading("ID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado\n1,20250602100000000009,1,0,1\n", url, more);
    }

    /** The submitter's jar in its own process, as a scheduler runs it: its whole output, as the user sees it. */
    private Submitted submitterJarReading(String rows, String url, String... more) throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.csv"), rows, StandardCharsets.UTF_8);
        Path jar = Path.of(System.getProperty("mipres.client.jar", "target/mipres-client.jar")).toAbsolutePath();
        assertTrue(Files.exists(jar), "package first: " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "submit", "reportes", input.toString(), "--url", url, "--nit", NIT, "--token", PRIMARY,
                "--timeout", "5"));
        command.addAll(List.of(more));
        Path log = dir.resolve("submitter.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the submitter ends");
        return new Submitted(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
