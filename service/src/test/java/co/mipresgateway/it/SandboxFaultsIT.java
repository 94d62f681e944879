package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.PROV1;
import static co.mipresgateway.it.RunningGateway.PROV1_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MIPRES_SANDBOX_FAULTS and MIPRES_SANDBOX_DELAY: a sandbox that fails and is slow as the ministry's service is, so
 * that a client's handling of a PUT whose outcome it was not told can be tested. What each fault kept is read back with the query, which never fails.
 * The sandbox's demo chains 1000009..1000012 wait for their reporte.
 */
class SandboxFaultsIT {

    private static final long CHAIN = 1000009;
    private static final String PRESCRIPCION = "20250602100000000009";

    @Test
    void notWrittenAnswersTheMinistrysErrorAndKeepsNothing() throws Exception {
        try (RunningGateway gateway = new RunningGateway(faulty("not-written"))) {
            String session = gateway.token(PROV1, PROV1_TOKEN);
            Answer answer = gateway.put("ReporteEntrega/" + PROV1 + "/" + session, Bodies.reporteEntrega(CHAIN, "12500.50"));

            assertEquals(500, answer.status(), answer.text());
            assertEquals("Error.", answer.json().get("Message").asText());
            assertEquals("not-written", answer.header("X-Mipres-Sandbox-Fault"));
            assertEquals(0, reportes(gateway, session).size(), "nothing was kept");
        }
    }

    @Test
    void writtenErrorKeepsTheReportButAnswersTheMinistrysError() throws Exception {
        try (RunningGateway gateway = new RunningGateway(faulty("written-error"))) {
            String session = gateway.token(PROV1, PROV1_TOKEN);
            String path = "ReporteEntrega/" + PROV1 + "/" + session;
            Answer answer = gateway.put(path, Bodies.reporteEntrega(CHAIN, "12500.50"));

            assertEquals(500, answer.status(), answer.text());
            assertEquals("{\"Message\":\"Error.\"}", answer.text());
            assertEquals("written-error", answer.header("X-Mipres-Sandbox-Fault"));
            JsonNode kept = reportes(gateway, session);
            assertEquals(1, kept.size(), kept.toString());
            assertEquals(1, kept.get(0).get("EstRepEntrega").asInt());

            Answer again = gateway.put(path, Bodies.reporteEntrega(CHAIN, "12500.50"));
            assertEquals(422, again.status(), "a refusal is answered as it is: " + again.text());
            assertTrue(again.json().get("Message").asText().contains("ya existe"), again.text());
            assertNull(again.header("X-Mipres-Sandbox-Fault"));
        }
    }

    @Test
    void writtenNoAnswerKeepsTheReportAndClosesTheConnectionSilently() throws Exception {
        try (RunningGateway gateway = new RunningGateway(faulty("written-no-answer"))) {
            String session = gateway.token(PROV1, PROV1_TOKEN);
            byte[] body = "{\"ID\":1000009,\"EstadoEntrega\":1,\"CausaNoEntrega\":0,\"ValorEntregado\":\"12500.50\"}"
                    .getBytes(StandardCharsets.UTF_8);
            String head = "PUT /WSSUMMIPRESNOPBS/api/ReporteEntrega/" + PROV1 + "/" + session + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try (Socket socket = new Socket("127.0.0.1", gateway.server().port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().write(body);
                socket.getOutputStream().flush();
                try (InputStream in = socket.getInputStream()) {
                    in.transferTo(answer);
                } catch (java.net.SocketException reset) {
                    // a reset is as silent as a close
                }
            }
            assertEquals("", answer.toString(StandardCharsets.ISO_8859_1), "no answer at all");
            assertEquals(1, reportes(gateway, session).size(), "the report was kept all the same");
            // Counted (and logged) as the client saw it, with no status, not as the handler's 200.
            String metrics = MetricsIT.eventually(() -> gateway.getAbsolute("/metrics").text(),
                    text -> MetricsIT.count(text, "ReporteEntrega", 0) > 0);
            assertEquals(1, MetricsIT.count(metrics, "ReporteEntrega", 0), metrics);
            assertEquals(0, MetricsIT.count(metrics, "ReporteEntrega", 200), metrics);
        }
    }

    /** One report says the ministry's GenerarToken ends the NIT's earlier session tokens; the sandbox can do so. */
    @Test
    void withOneSessionPerNitANewTokenEndsTheNitsEarlierOnesOnly() throws Exception {
        try (RunningGateway gateway = new RunningGateway(Map.of("mipres.sandbox.one.session", "true"))) {
            String first = gateway.token(PROV1, PROV1_TOKEN);
            String otherNit = gateway.token(RunningGateway.PROV2, RunningGateway.PROV2_TOKEN);
            String query = "ReporteEntregaXPrescripcion/" + PROV1 + "/%s/" + PRESCRIPCION;
            assertEquals(200, gateway.get(query.formatted(first)).status());

            String second = gateway.token(PROV1, PROV1_TOKEN);
            Answer ended = gateway.get(query.formatted(first));
            assertEquals(401, ended.status(), "refused at once, not after the recheck's seconds: " + ended.text());
            assertEquals(200, gateway.get(query.formatted(second)).status());
            assertEquals(200, gateway.get("ReporteEntregaXPrescripcion/" + RunningGateway.PROV2 + "/" + otherNit + "/"
                    + PRESCRIPCION).status(), "another NIT's session is left alone");
            assertTrue(gateway.getAbsolute("/").json().get("rehearsing").get("MIPRES_SANDBOX_ONE_SESSION").asBoolean());
        }
    }

    @Test
    void queriesAndOtherPathsNeverFail() throws Exception {
        try (RunningGateway gateway = new RunningGateway(faulty("not-written,written-error,written-no-answer"))) {
            String session = gateway.token(PROV1, PROV1_TOKEN);
            for (int i = 0; i < 20; i++) {
                assertEquals(200, gateway.get("ReporteEntregaXPrescripcion/" + PROV1 + "/" + session + "/" + PRESCRIPCION).status());
            }
            Answer root = gateway.getAbsolute("/");
            assertEquals(200, root.status());
            // A team sharing the sandbox sees what it rehearses, without its start log.
            assertEquals(1.0, root.json().get("rehearsing").get("MIPRES_SANDBOX_FAULTS").asDouble(), root.text());
            assertEquals("not-written,written-error,written-no-answer",
                    root.json().get("rehearsing").get("MIPRES_SANDBOX_FAULTS_KINDS").asText(), root.text());
        }
    }

    @Test
    void queriesFailOnlyWhenListedAndGenerarTokenNever() throws Exception {
        try (RunningGateway gateway = new RunningGateway(faulty("query-error"))) {
            String session = gateway.token(PROV1, PROV1_TOKEN);
            Answer query = gateway.get("ReporteEntregaXPrescripcion/" + PROV1 + "/" + session + "/" + PRESCRIPCION);
            assertEquals(500, query.status(), query.text());
            assertEquals("{\"Message\":\"Error.\"}", query.text());
            assertEquals("query-error", query.header("X-Mipres-Sandbox-Fault"));
            assertEquals(200, gateway.get("GenerarToken/" + PROV1 + "/" + PROV1_TOKEN).status());
            Answer put = gateway.put("ReporteEntrega/" + PROV1 + "/" + session, Bodies.reporteEntrega(CHAIN, "12500.50"));
            assertEquals(200, put.status(), "no PUT kind listed: " + put.text());
        }
    }

    /** GenerarToken never failed: a team could not rehearse the ministry's failing at the start of a session. */
    @Test
    void generarTokenFailsOnlyWhenListedAndNothingElseThen() throws Exception {
        try (RunningGateway gateway = new RunningGateway(faulty("token-error"))) {
            Answer refused = gateway.get("GenerarToken/" + PROV1 + "/" + PROV1_TOKEN);
            assertEquals(500, refused.status(), refused.text());
            assertEquals("{\"Message\":\"Error.\"}", refused.text());
            assertEquals("token-error", refused.header("X-Mipres-Sandbox-Fault"));
            assertEquals(500, gateway.get("generartoken/" + PROV1 + "/" + PROV1_TOKEN).status(), "in any letter case");
            String unknown = "A".repeat(43) + "=";
            assertEquals(401, gateway.get("ReporteEntregaXPrescripcion/" + PROV1 + "/" + unknown + "/" + PRESCRIPCION).status(),
                    "a query is answered as it is");
            assertEquals(401, gateway.put("ReporteEntrega/" + PROV1 + "/" + unknown, Bodies.reporteEntrega(CHAIN, "12500.50")).status(),
                    "a PUT is answered as it is");
        }
    }

    @Test
    void aSlowSandboxCommitsAPutWhoseClientGaveUpWaiting() throws Exception {
        Map<String, String> settings = new HashMap<>(TestDatabases.h2());
        settings.put("mipres.sandbox.delay", "PT3S");
        try (RunningGateway gateway = new RunningGateway(settings)) {
            String session = gateway.token(PROV1, PROV1_TOKEN);
            assertEquals("PT3S", gateway.getAbsolute("/").json().get("rehearsing").get("MIPRES_SANDBOX_DELAY").asText());
            HttpRequest put = HttpRequest.newBuilder(URI.create(gateway.api() + "ReporteEntrega/" + PROV1 + "/" + session))
                    .header("Content-Type", "application/json").timeout(Duration.ofMillis(500))
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"ID\":1000009,\"EstadoEntrega\":1,\"CausaNoEntrega\":0,\"ValorEntregado\":\"12500.50\"}"))
                    .build();
            assertThrows(HttpTimeoutException.class,
                    () -> HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString()));
            assertEquals(1, reportes(gateway, session).size(), "recorded, though its client gave up");
        }
    }

    private static JsonNode reportes(RunningGateway gateway, String session) {
        Answer query = gateway.get("ReporteEntregaXPrescripcion/" + PROV1 + "/" + session + "/" + PRESCRIPCION);
        assertEquals(200, query.status(), query.text());
        return query.json();
    }

    private static Map<String, String> faulty(String kinds) {
        Map<String, String> settings = new HashMap<>(TestDatabases.h2());
        settings.put("mipres.sandbox.faults", "1");
        settings.put("mipres.sandbox.faults.kinds", kinds);
        return settings;
    }
}
