package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import co.mipresgateway.server.OurFaults;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL connection that breaks during a request (the server restarted, a network cut; here the request's
 * backend is terminated while it waits for a row) is a 503 on either face, telling the caller to look before sending
 * again, since a commit may have got through just before the break: not a 500 "fault of ours". The pool replaces the
 * connection, and the same request sent again goes through.
 */
class DatabaseLossOnPostgresIT extends GatewayContract {

    @Override
    protected Map<String, String> database() {
        return TestDatabases.postgres();
    }

    @Test
    void aDeliveryWhoseConnectionBreaksIsToldToLookBeforeSendingAgain() throws Exception {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        long idProgramacion = programmed(id);
        Answer cut = HeldRows.holding(gateway,
                "UPDATE programacion SET est_programacion = 1 WHERE id_programacion = " + idProgramacion,
                () -> gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today())),
                false, DatabaseLossOnPostgresIT::terminateTheWaitingBackends);
        assertEquals(503, cut.status(), cut.text());
        assertEquals("5", cut.header("Retry-After"));
        assertEquals(OurFaults.lost(cut.header("X-Request-Id")), cut.json().get("Message").asText());
        assertTrue(ok(gateway.get("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc)).json().isEmpty());
        delivered(id);
    }

    @Test
    void overSoapTheBreakIsAServerFaultWithTheSameWords() throws Exception {
        long id = directed(Bodies.newPrescripcion());
        programmed(id);
        long idEntrega = delivered(id);
        Answer cut = HeldRows.holding(gateway,
                "UPDATE entrega SET est_entrega = 1 WHERE id_entrega = " + idEntrega,
                () -> SoapCalls.post(gateway, SoapCalls.envelope(PROV1, prov1, "<s:ReporteEntrega><s:ID>" + id
                        + "</s:ID><s:EstadoEntrega>1</s:EstadoEntrega><s:CausaNoEntrega>0</s:CausaNoEntrega>"
                        + "<s:ValorEntregado>100</s:ValorEntregado></s:ReporteEntrega>")),
                false, DatabaseLossOnPostgresIT::terminateTheWaitingBackends);
        assertEquals(500, cut.status(), cut.text());
        assertTrue(cut.text().contains("<faultcode>soap:Server</faultcode><faultstring>"
                + OurFaults.lost(cut.header("X-Request-Id")) + "</faultstring>"), cut.text());
        reported(id);
    }

    /** What a PostgreSQL restart does to every session: ends it (57P01), here only the ones waiting for a lock. */
    private static void terminateTheWaitingBackends() {
        try (Connection admin = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "")) {
            admin.createStatement().execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
