package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.server.GatewayServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests Jetty's parser refuses before any of our code runs: each is a mistake an integrator makes while building
 * a URL by hand (a NUL from a fixed-width field, a stray '%', Latin-1 escapes, a template variable left unreplaced),
 * and Jetty's bare "Bad Request" told them nothing. Sent on a raw socket, since Java's own client refuses to send
 * most of them.
 */
class UnreadableRequestsIT {

    private static final String TOKEN_PATH = GatewayServer.API_PATH + "/GenerarToken/" + RunningGateway.PROV1 + "/";
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = new RunningGateway(TestDatabases.h2());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void aNulInThePathIsNamed() throws IOException {
        assertRefused(get(TOKEN_PATH + RunningGateway.PROV1_TOKEN + "%00"), "La ruta contiene un carácter nulo (%00)");
    }

    @Test
    void aPercentThatStartsNoEscapeIsNamed() throws IOException {
        for (String stray : new String[] {"abc%zz", "50%", "a%2"}) {
            assertRefused(get(TOKEN_PATH + stray), "La ruta contiene un '%' que no va seguido de dos cifras hexadecimales");
        }
    }

    @Test
    void anEscapeThatIsNotUtf8IsNamed() throws IOException {
        assertRefused(get(TOKEN_PATH + "Jos%E9"), "La ruta contiene escapes que no son UTF-8");
    }

    @Test
    void anUnescapedCharacterOrAnUnreplacedTemplateVariableIsNamed() throws IOException {
        assertRefused(get(TOKEN_PATH + "{{token}}"), "La ruta contiene un carácter que debe ir codificado");
        assertRefused(send(("GET " + TOKEN_PATH + "Jos\u00e9 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8)), "La ruta contiene un carácter que debe ir codificado");
    }

    @Test
    void aSpaceInThePathIsNamed() throws IOException {
        assertRefused(get(TOKEN_PATH + RunningGateway.PROV1_TOKEN.replace("-", " - ")), "La solicitud tiene un espacio o un tabulador");
    }

    @Test
    void anOverlongPathAndOverlargeHeadersAreNamed() throws IOException {
        String answer = get(TOKEN_PATH + "a".repeat(20_000));
        assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
        assertTrue(answer.contains("La ruta de la solicitud es demasiado larga"), answer);
        answer = send(("GET " + TOKEN_PATH + "a HTTP/1.1\r\nHost: x\r\nCookie: " + "c".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
        assertTrue(answer.contains("Los encabezados de la solicitud son demasiado grandes"), answer);
    }

    @Test
    void aRequestWithoutHostIsNamed() throws IOException {
        assertRefused(send(("GET " + TOKEN_PATH + "a HTTP/1.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8)),
                "Falta el encabezado Host");
    }

    private static void assertRefused(String answer, String messageStart) throws IOException {
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertTrue(body.startsWith("{\"Message\":\"" + messageStart), answer);
        assertTrue(answer.matches("(?s).*\r\nX-Request-Id: [0-9a-f]{16}\r\n.*"), answer);
        JsonNode parsed = new ObjectMapper().readTree(body);
        assertEquals(1, parsed.size(), body);
    }

    private static String get(String path) throws IOException {
        return send(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String send(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.server().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
