package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import co.mipresgateway.server.GatewayServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GET /metrics: what an operator graphs, counted as the requests really went, and nothing of what they carried. */
class MetricsIT {

    @Test
    void requestsAreCountedByTransactionAndStatusWithThePoolAndTheJvmBeside() throws Exception {
        try (RunningGateway gateway = new RunningGateway(TestDatabases.h2())) {
            String session = gateway.token(RunningGateway.PROV1, RunningGateway.PROV1_TOKEN);
            for (int i = 0; i < 3; i++) {
                assertEquals(422, gateway.put("Entrega/" + RunningGateway.PROV1 + "/" + session, "{}").status());
            }
            assertEquals(200, gateway.getAbsolute("/wssummipresnopbs/api/entregaxfecha/" + RunningGateway.PROV1 + "/" + session
                    + "/2025-06-03").status(), "a path in another letter case counts under the transaction's name");
            assertEquals(404, gateway.getAbsolute("/WSSUMMIPRESNOPBS/api/NoExiste/" + RunningGateway.PROV1 + "/" + session).status());
            assertEquals(404, gateway.getAbsolute("/wp-login.php").status());

            Answer metrics = gateway.getAbsolute("/metrics");
            assertEquals(200, metrics.status(), metrics.text());
            String type = metrics.header("Content-Type").replace(" ", "");
            assertTrue(type.startsWith("text/plain;") && type.contains("version=0.0.4"), type);
            String text = eventually(() -> gateway.getAbsolute("/metrics").text(), t -> count(t, "other", 404) >= 2);
            assertEquals(1, count(text, "GenerarToken", 200), text);
            assertEquals(3, count(text, "Entrega", 422), text);
            assertEquals(1, count(text, "EntregaXFecha", 200), text);
            assertEquals(2, count(text, "other", 404), text);
            assertTrue(text.contains("mipres_requests_seconds_bucket{face=\"REST\",status=\"422\",transaction=\"Entrega\",le=\"0.02\"}"),
                    "the share answered within 20 ms can be read");
            assertTrue(text.contains("hikaricp_connections_active{pool="), "the pool's connections");
            assertTrue(text.contains("jvm_memory_used_bytes{"), "the JVM's memory");
            assertFalse(text.contains(session) || text.contains(RunningGateway.PROV1) || text.contains("NoExiste"),
                    "no token, NIT or path as sent");
        }
    }

    /**
     * Every SOAP request comes to one path and every fault is an HTTP 500: they counted as "SOAP" 500, a delivery
     * refused by the rules and a fault of ours alike. Each now counts under its operation and REST's status.
     */
    @Test
    void soapRequestsAreCountedByOperationAndTheStatusRestWouldHaveAnswered() throws Exception {
        try (RunningGateway gateway = new RunningGateway(TestDatabases.h2())) {
            gateway.server().soapReady().join();
            String session = gateway.token(RunningGateway.PROV1, RunningGateway.PROV1_TOKEN);
            assertEquals(200, SoapCalls.post(gateway, "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                    + "xmlns:s=\"urn:mipres-gateway:suministro:v1\"><soapenv:Body><s:GenerarToken><s:nit>" + RunningGateway.PROV1
                    + "</s:nit><s:tokenPrincipal>" + RunningGateway.PROV1_TOKEN + "</s:tokenPrincipal></s:GenerarToken>"
                    + "</soapenv:Body></soapenv:Envelope>").status());
            ch.qos.logback.classic.Logger requests = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("request");
            ch.qos.logback.classic.Level quiet = requests.getLevel();
            requests.setLevel(ch.qos.logback.classic.Level.INFO);   // the build runs the tests with request lines off
            try (CapturedLog log = new CapturedLog()) {
                for (int i = 0; i < 2; i++) {
                    assertEquals(500, SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.PROV1, session, "<s:Programacion/>")).status());
                }
                assertEquals(500, SoapCalls.post(gateway, "<no es xml").status());
                String lines = eventually(log::text, text -> text.contains(" soap=- as=400\n"));
                assertTrue(lines.contains(GatewayServer.SOAP_PATH + " 500 "), lines);
                assertTrue(lines.contains(" soap=Programacion as=422\n"), "the request log says which: " + lines);
                assertTrue(lines.contains(" soap=- as=400\n"), "XML the parser refused names no operation: " + lines);
            } finally {
                requests.setLevel(quiet);
            }
            assertEquals(500, SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.PROV1, session,
                    "<s:AnularEntrega><s:IdEntrega>999999999</s:IdEntrega></s:AnularEntrega>")).status());
            assertEquals(500, SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.PROV1, "A".repeat(43) + "=",
                    "<s:AnularEntrega><s:IdEntrega>1</s:IdEntrega></s:AnularEntrega>")).status());

            // SOAP's own codes for the client's mistakes (an envelope of SOAP 1.2) are not faults of ours either.
            assertEquals(500, SoapCalls.post(gateway, "application/soap+xml", SoapCalls.envelope(RunningGateway.PROV1, session,
                    "<s:AnularEntrega><s:IdEntrega>1</s:IdEntrega></s:AnularEntrega>")
                    .replace("http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope")).status());

            String text = eventually(() -> gateway.getAbsolute("/metrics").text(), t -> count(t, "SOAP", "AnularEntrega", 401) > 0);
            assertEquals(1, count(text, "SOAP", "GenerarToken", 200), text);
            assertEquals(2, count(text, "SOAP", "Programacion", 422), text);
            assertEquals(1, count(text, "SOAP", "AnularEntrega", 404), text);
            assertEquals(1, count(text, "SOAP", "AnularEntrega", 401), text);
            assertEquals(2, count(text, "SOAP", "SOAP", 400), "XML the parser refused and SOAP 1.2 count as SOAP: " + text);
            assertEquals(0, count(text, "SOAP", "SOAP", 500), text);
            assertEquals(1, count(text, "REST", "GenerarToken", 200), "the REST face counts on its own: " + text);
        }
    }

    @Test
    void withASecretSetOnlyItsBearerReadsTheMetricsAndTheRestStaysOpen() throws Exception {
        Map<String, String> settings = new HashMap<>(TestDatabases.h2());
        settings.put("mipres.metrics.secret", "s3creto-de-prometheus");
        try (RunningGateway gateway = new RunningGateway(settings)) {
            for (String authorization : new String[] {null, "Bearer otro", "Basic czNjcmV0by1kZS1wcm9tZXRoZXVz",
                    "Bearer s3creto-de-prometheu", "s3creto-de-prometheus"}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.base() + "/metrics")).GET();
                if (authorization != null) request.header("Authorization", authorization);
                Answer refused = gateway.send(request.build());
                assertEquals(401, refused.status(), authorization + ": " + refused.text());
                assertEquals("Bearer", refused.header("WWW-Authenticate"));
                assertTrue(refused.json().get("Message").asText().contains("MIPRES_METRICS_SECRET"), refused.text());
            }
            Answer read = gateway.send(HttpRequest.newBuilder(URI.create(gateway.base() + "/metrics"))
                    .header("Authorization", "bearer s3creto-de-prometheus").GET().build());
            assertEquals(200, read.status(), read.text());
            assertEquals(5, count(read.text(), "metrics", 401), read.text());
            assertEquals(200, gateway.getAbsolute("/health").status(), "the health check stays open for load balancers");
            assertEquals(200, gateway.getAbsolute("/").status());
        }
    }

    /**
     * What {@code read} gives once {@code holds}, or after 5 s: a request is logged and counted once its answer has
     * left, so its client may read the log or the metrics a moment before.
     */
    static String eventually(Supplier<String> read, Predicate<String> holds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String text = read.get();
        while (!holds.test(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            text = read.get();
        }
        return text;
    }

    static long count(String metrics, String transaction, int status) {
        return count(metrics, "REST", transaction, status);
    }

    static long count(String metrics, String face, String transaction, int status) {
        Matcher line = Pattern.compile("(?m)^mipres_requests_seconds_count\\{face=\"" + face + "\",status=\"" + status
                + "\",transaction=\"" + transaction + "\"} (\\S+)$").matcher(metrics);
        return line.find() ? (long) Double.parseDouble(line.group(1)) : 0;
    }
}
