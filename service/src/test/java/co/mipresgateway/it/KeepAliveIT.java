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

    private static void askRoot(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The whole answer of GET /: a short JSON, sent in chunks or with a Content-Length. */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            text.append((char) c);
            String sofar = text.toString();
            boolean chunked = sofar.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
            if (chunked ? sofar.endsWith("\r\n0\r\n\r\n") : sofar.endsWith("}")) break;
        }
        return text.toString();
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
