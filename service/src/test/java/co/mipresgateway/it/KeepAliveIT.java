package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import co.mipresgateway.server.GatewayServer;
import co.mipresgateway.server.StalledRequests;
import org.junit.jupiter.api.Test;

/**
 * A kept-alive connection is closed by the gateway only after {@code mipres.http.idle.timeout} of silence. Clients
 * keep idle connections for up to 100 s (.NET Framework) and send a PUT on one without knowing whether the server
 * has just closed it: if the server closes first, that PUT fails and the client cannot tell whether it was recorded.
 * The default (120 s, as IIS's) outlasts them; Jetty's own was 30 s.
 */
class KeepAliveIT {

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
            String prov1 = gateway.token(RunningGateway.PROV1, RunningGateway.PROV1_TOKEN);
            String rest = halfABody(gateway, "PUT " + GatewayServer.API_PATH + "/ReporteEntrega/" + RunningGateway.PROV1 + "/"
                    + prov1 + " HTTP/1.1", "application/json", "{\"ID\": 1000009, \"EstadoEntrega\": 1, ");
            assertTrue(rest.startsWith("HTTP/1.1 408"), rest);
            assertTrue(rest.contains("\r\n\r\n") && rest.contains("{\"Message\":\"" + StalledRequests.MESSAGE + "\"}"), rest);

            gateway.server().soapReady().join();
            String soap = halfABody(gateway, "POST " + GatewayServer.SOAP_PATH + " HTTP/1.1", "text/xml; charset=utf-8",
                    SoapCalls.envelope(RunningGateway.PROV1, prov1, "<s:ReporteEntrega><s:ID>1000009</s:ID>").substring(0, 300));
            assertTrue(soap.contains("<faultcode>soap:Server</faultcode><faultstring>" + StalledRequests.MESSAGE + "</faultstring>"), soap);

            assertEquals("[]", gateway.get("ReporteEntregaXPrescripcion/" + RunningGateway.PROV1 + "/" + prov1
                    + "/20250602100000000009").text(), "a report was written from half a body");
        }
    }

    /** Sends the head of a request announcing 4,000 bytes of body, then only the start of it; the whole answer. */
    private static String halfABody(RunningGateway gateway, String requestLine, String contentType, String start)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.server().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: 4000\r\n\r\n" + start).getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readAnswer(socket.getInputStream());
        }
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
}
