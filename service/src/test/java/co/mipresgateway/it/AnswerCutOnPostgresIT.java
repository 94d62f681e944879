package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.server.GatewayServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A query whose database fails after part of its answer is on the wire can no longer say so with a status: what the
 * client got must then never read as a whole answer (a shorter list that parses would be records silently lost).
 * Made to happen every time: a client stops reading a long answer, so the gateway waits to write; the table is then
 * locked, and the client reads on, so the gateway's next page waits for the lock past PostgreSQL's lock_timeout.
 */
class AnswerCutOnPostgresIT extends GatewayContract {

    /** Several times what the socket buffers on both sides hold, so the gateway must wait to write. */
    private static final int RECORDS = 20_000;
    private static final int READ_BEFORE_STOPPING = 16 * 1024;

    @Override
    protected Map<String, String> database() {
        Map<String, String> settings = new HashMap<>(TestDatabases.postgres());
        settings.put("mipres.query.page.size", "200");
        return settings;
    }

    @BeforeAll
    void manyDireccionamientosOfOneDay() {
        gateway.server().database().inTransaction(h -> h.createUpdate("""
                INSERT INTO direccionamiento (id_direccionamiento, id, no_prescripcion, tipo_tec, con_tec, tipo_id_paciente,
                  no_id_paciente, no_entrega, no_sub_entrega, tipo_id_prov, no_id_prov, cod_mun_ent, fec_max_ent,
                  cant_tot_a_entregar, dir_paciente, cod_ser_tec_a_entregar, no_id_eps, cod_eps, fec_direccionamiento,
                  est_direccionamiento)
                SELECT 90000000 + g, 80000000 + g, LPAD(g::text, 20, '2'), 'M', 1, 'CC', '1020304050', 1, 0, 'NI',
                  '900000001', '11001', CAST(:day AS DATE) + 10, '30', 'Calle 10 # 20-30, barrio Centro', '19943544-1',
                  :eps, 'EPSD01', CAST(:day AS DATE) + TIME '09:30', 1
                FROM generate_series(1, :records) AS g""")
                .bind("day", today().toString()).bind("eps", EPS).bind("records", RECORDS).execute());
    }

    @Test
    void aRestAnswerCutByTheDatabaseIsNotJsonThatParses() throws Exception {
        String path = GatewayServer.API_PATH + "/DireccionamientoXFecha/" + EPS + "/" + eps + "/" + today();
        String answer = readWhileTheTableIsLocked("GET " + path + " HTTP/1.0\r\nHost: gateway\r\n\r\n");
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] 200 .*"), head(answer));
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertTrue(body.length() > READ_BEFORE_STOPPING && body.contains("La base de datos está ocupada"), tail(body));
        assertThrows(IOException.class, () -> new ObjectMapper().readTree(body), tail(body));
    }

    @Test
    void aSoapAnswerCutByTheDatabaseIsNotXmlThatParses() throws Exception {
        String envelope = SoapCalls.envelope(EPS, eps, "<s:DireccionamientoXFecha><s:fecha>" + today()
                + "</s:fecha></s:DireccionamientoXFecha>");
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        String answer = readWhileTheTableIsLocked("POST " + GatewayServer.SOAP_PATH + " HTTP/1.0\r\nHost: gateway\r\n"
                + "Content-Type: text/xml; charset=utf-8\r\nContent-Length: " + bytes.length + "\r\n\r\n" + envelope);
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] 200 .*"), head(answer));
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertTrue(body.length() > READ_BEFORE_STOPPING && body.contains("La base de datos está ocupada"), tail(body));
        assertThrows(SAXException.class, () -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(body))), tail(body));
    }

    /** Sends the request, reads a little, stops until the gateway waits to write, then reads the rest under a lock. */
    private String readWhileTheTableIsLocked(String request) throws Exception {
        URI base = URI.create(gateway.base());
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(8 * 1024);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            answer.write(in.readNBytes(READ_BEFORE_STOPPING));
            // Whenever the lock comes, the gateway has written part of the answer (read above) and, the client having
            // stopped, cannot have read every page yet: its next page waits for the lock and fails.
            Thread.sleep(500);
            return gateway.server().database().read(locker -> {
                locker.begin();
                try {
                    locker.execute("LOCK TABLE direccionamiento IN ACCESS EXCLUSIVE MODE");
                    answer.write(in.readAllBytes());
                    return answer.toString(StandardCharsets.UTF_8);
                } finally {
                    locker.rollback();
                }
            });
        }
    }

    private static String head(String text) {
        return text.substring(0, Math.min(300, text.length()));
    }

    private static String tail(String text) {
        return text.length() + " characters, ending: " + text.substring(Math.max(0, text.length() - 400));
    }
}
