package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import co.mipresgateway.server.CutBodies;
import co.mipresgateway.server.GatewayServer;
import co.mipresgateway.server.StalledRequests;
import org.junit.jupiter.api.Test;

/**
 * How the gateway treats connections as real clients use them. A kept-alive connection is closed by the gateway
 * only after {@code mipres.http.idle.timeout} of silence: clients keep idle connections for up to 100 s (.NET
 * Framework) and send a PUT on one without knowing whether the server has just closed it; if the server closes
 * first, that PUT fails and the client cannot tell whether it was recorded. The default (120 s, as IIS's) outlasts
 * them; Jetty's own was 30 s. Bodies that stop arriving, or come slowly, are answered 408 without a thread held
 * for them meanwhile; a client that asks {@code Expect: 100-continue} before its body is told to go on.
 */
class ConnectionsIT {

    /** Jetty's "Failed to bind to /127.0.0.1:8080" left out why; a second gateway on the same port is the usual one. */
    @Test
    void aPortAlreadyTakenStopsTheStartNamingTheSettingAndTheReason() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Map<String, String> settings = new HashMap<>(TestDatabases.h2());
            settings.put("mipres.host", "127.0.0.1");
            settings.put("mipres.port", String.valueOf(taken.getLocalPort()));
            IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> GatewayServer.start(co.mipresgateway.server.Config.load().with(settings), java.time.Clock.systemUTC()));
            assertTrue(refused.getMessage().startsWith("No se pudo escuchar en MIPRES_HOST 127.0.0.1, MIPRES_PORT "
                    + taken.getLocalPort() + " (Address already in use)"), refused.getMessage());
            // The database it opened was closed again: a gateway on a free port starts on the same file.
            settings.put("mipres.port", "0");
            try (RunningGateway again = new RunningGateway(settings)) {
                assertEquals(200, again.getAbsolute("/health").status());
            }
        }
    }

    /** A report refused for its EstadoEntrega (0 or 1): answered by the rules, without writing. */
    private static final String REFUSED_REPORTE =
            "{\"ID\": 1000009, \"EstadoEntrega\": 7, \"CausaNoEntrega\": 0, \"ValorEntregado\": \"100\"}";
    /** A report of sandbox chain 1000009, delivered and waiting for it. */
    private static final String REPORTE_BODY =
            "{\"ID\": 1000009, \"EstadoEntrega\": 1, \"CausaNoEntrega\": 0, \"ValorEntregado\": \"100\"}";

    @Test
    void anIdleConnectionIsKeptForTheConfiguredTimeThenClosed() throws Exception {
        Map<String, String> settings = new HashMap<>(TestDatabases.h2());
        settings.put("mipres.http.idle.timeout", "PT2S");
        try (RunningGateway gateway = new RunningGateway(settings);
                Socket socket = new Socket("127.0.0.1", gateway.server().port())) {
            socket.setSoTimeout(1_000);
            askRoot(socket);
            assertTrue(readAnswer(socket.getInputStream()).startsWith("HTTP/1.1 200"));
            assertEquals("still open", waitForClose(socket), "closed before the idle timeout");
            socket.setSoTimeout(3_000);
            assertEquals("closed", waitForClose(socket), "still open 4 s after the last answer, with a 2 s idle timeout");
        }
    }

    @Test
    void aClientThatAsksBeforeSendingItsBodyIsToldToContinueAndServed() throws Exception {
        // .NET Framework's HttpWebRequest sends every PUT so (ServicePointManager.Expect100Continue is true by
        // default), and waits up to 350 ms for the go-ahead before it sends the body anyway.
        try (RunningGateway gateway = new RunningGateway(TestDatabases.h2());
                Socket socket = new Socket("127.0.0.1", gateway.server().port())) {
            socket.setSoTimeout(5_000);
            String prov1 = gateway.token(RunningGateway.PROV1, RunningGateway.PROV1_TOKEN);
            OutputStream out = socket.getOutputStream();
            out.write((reporteEntregaLine(prov1) + "\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + REPORTE_BODY.length() + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder interim = new StringBuilder();
            while (!interim.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) break;
                interim.append((char) b);
            }
            assertTrue(interim.toString().startsWith("HTTP/1.1 100"), interim.toString());
            out.write(REPORTE_BODY.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = readAnswer(in);
            assertTrue(answer.startsWith("HTTP/1.1 200") && answer.contains("\"IdReporteEntrega\""), answer);
        }
    }

    @Test
    void byDefaultAConnectionIdleForLongerThanJettysThirtySecondsIsStillKept() throws Exception {
        try (RunningGateway gateway = new RunningGateway(TestDatabases.h2())) {
            assertEquals(120_000L, gateway.server().idleTimeoutMillis());
        }
    }

    @Test
    void aBodyThatStopsArrivingIsAnswered408OnEitherFaceAndNothingIsWritten() throws Exception {
        Map<String, String> settings = new HashMap<>(TestDatabases.h2());
        settings.put("mipres.http.idle.timeout", "PT1S");
        try (RunningGateway gateway = new RunningGateway(settings)) {
            assertEitherFaceIsAnswered408(gateway, 0, (line, type, body) -> halfABody(gateway, line, type, body),
                    "a report was written from half a body");
        }
    }

    @Test
    void slowBodiesHoldConnectionsNotTheServersThreads() throws Exception {
        // More clients than Jetty's 200 threads, each with a body begun and not finished: a thread given to each would
        // leave none for anybody else until their bodies came or their connections timed out.
        try (RunningGateway gateway = new RunningGateway(TestDatabases.h2())) {
            String prov1 = gateway.token(RunningGateway.PROV1, RunningGateway.PROV1_TOKEN);
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 250; i++) {
                    Socket socket = new Socket("127.0.0.1", gateway.server().port());
                    socket.setSoTimeout(10_000);
                    slow.add(socket);
                    head(socket, reporteEntregaLine(prov1), "application/json", REFUSED_REPORTE.length());
                    socket.getOutputStream().write(REFUSED_REPORTE.substring(0, 10).getBytes(StandardCharsets.UTF_8));
                }
                try (Socket other = new Socket("127.0.0.1", gateway.server().port())) {
                    other.setSoTimeout(5_000);
                    askRoot(other);
                    String answer = answerOr(other, "nothing");
                    assertTrue(answer.startsWith("HTTP/1.1 200"), "GET / answered " + answer + " within 5 s while 250 bodies were arriving");
                }
                for (Socket socket : slow) socket.getOutputStream().write(REFUSED_REPORTE.substring(10).getBytes(StandardCharsets.UTF_8));
                for (Socket socket : slow) {
                    String answer = readAnswer(socket.getInputStream());
                    assertTrue(answer.startsWith("HTTP/1.1 422") && answer.contains("EstadoEntrega"), answer);
                }
            } finally {
                for (Socket socket : slow) socket.close();
            }
        }
    }

    @Test
    void pastTheConnectionLimitANewClientWaitsUntilAConnectionCloses() throws Exception {
        Map<String, String> settings = new HashMap<>(TestDatabases.h2());
        settings.put("mipres.http.max.connections", "3");
        try (RunningGateway gateway = new RunningGateway(settings)) {
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket socket = new Socket("127.0.0.1", gateway.server().port());
                    socket.setSoTimeout(5_000);
                    askRoot(socket);
                    assertTrue(readAnswer(socket.getInputStream()).startsWith("HTTP/1.1 200"));
                    open.add(socket);   // kept alive, counted
                }
                try (Socket fourth = new Socket("127.0.0.1", gateway.server().port())) {
                    fourth.setSoTimeout(1_500);
                    askRoot(fourth);
                    String early = answerOr(fourth, "waiting");
                    assertEquals("waiting", early, "a fourth connection was served with a limit of three");
                    open.remove(0).close();
                    fourth.setSoTimeout(5_000);
                    assertTrue(readAnswer(fourth.getInputStream()).startsWith("HTTP/1.1 200"), "served once one closed");
                }
            } finally {
                for (Socket socket : open) socket.close();
            }
        }
    }

    @Test
    void aLongBodyTrickledSlowerThanTheBodyTimeoutIsAnswered408OnEitherFaceAndNothingIsWritten() throws Exception {
        // Every piece comes well within the idle timeout: only the time the whole body takes is past its limit.
        Map<String, String> settings = new HashMap<>(TestDatabases.h2());
        settings.put("mipres.http.idle.timeout", "PT5S");
        settings.put("mipres.http.body.timeout", "PT2S");
        try (RunningGateway gateway = new RunningGateway(settings)) {
            assertEitherFaceIsAnswered408(gateway, LONG, (line, type, body) -> answeredWithin(4_500,
                    () -> trickled(gateway, line, type, 100, pieces(body, PAST_GATHERING, 20))),
                    "a report was written from a body that came too slowly");
        }
    }

    @Test
    void aLongBodyBegunThenSilentIsAnsweredAtTheBodyTimeoutNotAtTheLongerIdleTimeout() throws Exception {
        Map<String, String> settings = new HashMap<>(TestDatabases.h2());
        settings.put("mipres.http.idle.timeout", "PT30S");
        settings.put("mipres.http.body.timeout", "PT2S");
        try (RunningGateway gateway = new RunningGateway(settings)) {
            assertEitherFaceIsAnswered408(gateway, LONG, (line, type, body) -> answeredWithin(10_000,
                    () -> trickled(gateway, line, type, 20_000, body.substring(0, PAST_GATHERING), body.substring(PAST_GATHERING))),
                    "a report was written from a body that stopped arriving");
        }
    }

    @Test
    void aLongBodyThatArrivesWithinTheBodyTimeoutIsServedAndItsConnectionKeptAsBefore() throws Exception {
        // While the rest of the body came, the connection waited on the time left of the body timeout (under 3 s);
        // afterwards it must be kept for the whole idle timeout again, for the client's next request.
        Map<String, String> settings = new HashMap<>(TestDatabases.h2());
        settings.put("mipres.http.body.timeout", "PT3S");
        try (RunningGateway gateway = new RunningGateway(settings);
                Socket socket = new Socket("127.0.0.1", gateway.server().port())) {
            socket.setSoTimeout(10_000);
            String prov1 = gateway.token(RunningGateway.PROV1, RunningGateway.PROV1_TOKEN);
            String body = padded(REPORTE_BODY, LONG);
            head(socket, reporteEntregaLine(prov1), "application/json", body.length());
            OutputStream out = socket.getOutputStream();
            out.write(body.substring(0, PAST_GATHERING).getBytes(StandardCharsets.UTF_8));
            Thread.sleep(500);
            out.write(body.substring(PAST_GATHERING).getBytes(StandardCharsets.UTF_8));
            String rest = readAnswer(socket.getInputStream());
            assertTrue(rest.startsWith("HTTP/1.1 200") && rest.contains("\"IdReporteEntrega\""), rest);

            Thread.sleep(3_500);
            askRoot(socket);
            String root;
            try {
                root = readAnswer(socket.getInputStream());
            } catch (SocketTimeoutException | java.net.SocketException closed) {
                root = closed.toString();
            }
            assertTrue(root.startsWith("HTTP/1.1 200"), "the next request on the connection: " + root);
        }
    }

    @Test
    void aBodyWithABrokenChunkedEncodingIsAnswered400OnEitherFaceAndNothingIsWritten() throws Exception {
        // Hand-written HTTP code in an ERP (a chunk size in decimal, or none) is the client's fault, not ours: it was
        // a 500 with an empty body on REST and "Error interno" with a stack trace in the log on SOAP.
        try (RunningGateway gateway = new RunningGateway(TestDatabases.h2())) {
            assertEitherFaceIsAnswered(gateway, 0, (line, type, body) -> {
                try (Socket socket = new Socket("127.0.0.1", gateway.server().port())) {
                    socket.setSoTimeout(10_000);
                    socket.getOutputStream().write((line + "\r\nHost: 127.0.0.1\r\nContent-Type: " + type
                            + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length() / 2) + "\r\n"
                            + body.substring(0, body.length() / 2) + "\r\nZZ\r\n" + body.substring(body.length() / 2) + "\r\n0\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    return readAnswer(socket.getInputStream());
                }
            }, "400", "soap:Client", CutBodies.MESSAGE, "a report was written from a broken body");
        }
    }

    /** Spaces that make a body longer than what the gateway gathers before giving it a thread (8 KB). */
    private static final int LONG = 12_000;
    /** Past what the gateway gathers first: the rest of a longer body is read as it comes, against the body timeout. */
    private static final int PAST_GATHERING = 9_000;

    /** The body with spaces after its first character: JSON and XML alike read them as nothing. */
    private static String padded(String body, int spaces) {
        return body.charAt(0) + " ".repeat(spaces) + body.substring(1);
    }

    /** The first {@code first} characters, then pieces of {@code size}. */
    private static String[] pieces(String body, int first, int size) {
        List<String> pieces = new ArrayList<>(List.of(body.substring(0, first)));
        for (int from = first; from < body.length(); from += size) pieces.add(body.substring(from, Math.min(body.length(), from + size)));
        return pieces.toArray(String[]::new);
    }

    private static String answeredWithin(long millis, BodySending.Answer answer) throws Exception {
        long started = System.nanoTime();
        String text = answer.get();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < millis, "answered after " + tookMillis + " ms, expected within " + millis + ": " + text);
        return text;
    }

    /** How a test sends a request whose body does not come as it should; the whole answer. */
    private interface BodySending {
        String send(String requestLine, String contentType, String body) throws Exception;

        interface Answer {
            String get() throws Exception;
        }
    }

    /** As below: 408 on REST, a {@code soap:Server} fault (which clients send again) on SOAP. */
    private static void assertEitherFaceIsAnswered408(RunningGateway gateway, int spaces, BodySending sending, String otherwise)
            throws Exception {
        assertEitherFaceIsAnswered(gateway, spaces, sending, "408", "soap:Server", StalledRequests.MESSAGE, otherwise);
    }

    /**
     * Sends a report of chain 1000009 on each face, its body padded with {@code spaces}, as {@code sending} does: the
     * REST face answers {@code status} and the SOAP face a fault of {@code faultCode}, both saying {@code message},
     * and no report is written.
     */
    private static void assertEitherFaceIsAnswered(RunningGateway gateway, int spaces, BodySending sending, String status,
            String faultCode, String message, String otherwise) throws Exception {
        String prov1 = gateway.token(RunningGateway.PROV1, RunningGateway.PROV1_TOKEN);
        String rest = sending.send(reporteEntregaLine(prov1), "application/json", padded(REPORTE_BODY, spaces));
        assertTrue(rest.startsWith("HTTP/1.1 " + status), rest);
        assertTrue(rest.contains("\r\n\r\n") && rest.contains("{\"Message\":\"" + message + "\"}"), rest);

        gateway.server().soapReady().join();
        String soap = sending.send("POST " + GatewayServer.SOAP_PATH + " HTTP/1.1", "text/xml; charset=utf-8",
                SoapCalls.envelope(RunningGateway.PROV1, prov1, " ".repeat(spaces) + "<s:ReporteEntrega><s:ID>1000009</s:ID>"
                        + "<s:EstadoEntrega>1</s:EstadoEntrega><s:CausaNoEntrega>0</s:CausaNoEntrega>"
                        + "<s:ValorEntregado>100</s:ValorEntregado></s:ReporteEntrega>"));
        assertTrue(soap.contains("<faultcode>" + faultCode + "</faultcode><faultstring>" + message + "</faultstring>"), soap);

        assertEquals("[]", gateway.get("ReporteEntregaXPrescripcion/" + RunningGateway.PROV1 + "/" + prov1
                + "/20250602100000000009").text(), otherwise);
    }

    /** Sends a request's head, then its body's parts one at a time, each after a pause, while reading the answer. */
    private static String trickled(RunningGateway gateway, String requestLine, String contentType, long pauseMillis,
            String... parts) throws Exception {
        byte[] whole = String.join("", parts).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", gateway.server().port())) {
            socket.setSoTimeout(40_000);
            OutputStream out = socket.getOutputStream();
            head(socket, requestLine, contentType, whole.length);
            Thread sender = new Thread(() -> {
                try {
                    for (String part : parts) {
                        out.write(part.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        Thread.sleep(pauseMillis);
                    }
                } catch (IOException | InterruptedException answeredOrClosed) {
                    // The gateway answered and closed the connection before the body was whole.
                }
            });
            sender.start();
            try {
                return readAnswer(socket.getInputStream());
            } finally {
                sender.interrupt();
                sender.join();
            }
        }
    }

    private static String reporteEntregaLine(String prov1) {
        return "PUT " + GatewayServer.API_PATH + "/ReporteEntrega/" + RunningGateway.PROV1 + "/" + prov1 + " HTTP/1.1";
    }

    /** Sends the head of a request announcing 4,000 bytes of body, then only the (shorter) body given; the whole answer. */
    private static String halfABody(RunningGateway gateway, String requestLine, String contentType, String start)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.server().port())) {
            socket.setSoTimeout(10_000);
            head(socket, requestLine, contentType, 4000);
            socket.getOutputStream().write(start.getBytes(StandardCharsets.UTF_8));
            return readAnswer(socket.getInputStream());
        }
    }

    private static void head(Socket socket, String requestLine, String contentType, int length) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((requestLine + "\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void askRoot(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * One whole answer, read as it comes: a short JSON or SOAP envelope, sent in chunks or with a Content-Length. A
     * gateway that refused a body it never read whole closes the connection after the answer, and a reset may
     * follow the answer closely: what came before it is kept.
     */
    private static String readAnswer(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
                String text = answer.toString(StandardCharsets.UTF_8);
                boolean chunked = text.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
                if (chunked ? text.endsWith("\r\n0\r\n\r\n") : text.endsWith("}") || text.endsWith("Envelope>")) break;
            }
        } catch (java.net.SocketException reset) {
            answer.write(("<" + reset + ">").getBytes(StandardCharsets.UTF_8));
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** "closed" when the server closes the connection within the socket's read timeout, "still open" otherwise. */
    private static String waitForClose(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0 ? "closed" : "sent more";
        } catch (SocketTimeoutException e) {
            return "still open";
        } catch (java.net.SocketException reset) {
            return "closed";
        }
    }

    /** The answer read within the socket's timeout, or what stands for none having come. */
    private static String answerOr(Socket socket, String whenNone) throws IOException {
        try {
            return readAnswer(socket.getInputStream());
        } catch (SocketTimeoutException none) {
            return whenNone;
        }
    }
}
