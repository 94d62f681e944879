package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.auth.TokenHashes;
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
        Answer cut = aDeliveryWaitingForItsRow(DatabaseLossOnPostgresIT::terminateTheWaitingBackends, "5");
        assertEquals(OurFaults.lost(cut.header("X-Request-Id")), cut.json().get("Message").asText());
    }

    @Test
    void aStatementTheDatabaseCancelsIsToldNothingWasKeptAndGoesThroughWhenSentAgain() throws Exception {
        Answer cancelled = aDeliveryWaitingForItsRow(DatabaseLossOnPostgresIT::cancelTheWaitingStatements, "1");
        assertEquals(OurFaults.busy(cancelled.header("X-Request-Id")), cancelled.json().get("Message").asText());
    }

    /**
     * A delivery waits for its programación's row, held by the test, while the database does something to its
     * statement: answered 503 with that Retry-After, nothing of it kept, and the same delivery sent again goes through.
     */
    private Answer aDeliveryWaitingForItsRow(Runnable toTheWaitingStatement, String retryAfter) throws Exception {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        long idProgramacion = programmed(id);
        Answer answer = HeldRows.holding(gateway,
                "UPDATE programacion SET est_programacion = 1 WHERE id_programacion = " + idProgramacion,
                () -> gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today())),
                false, toTheWaitingStatement);
        assertEquals(503, answer.status(), answer.text());
        assertEquals(retryAfter, answer.header("Retry-After"));
        assertTrue(ok(gateway.get("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc)).json().isEmpty());
        delivered(id);
        return answer;
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

    @Test
    void aDatabaseThatRefusesNewConnectionsIsAnswered503WithoutTheWaitAndHealthSaysDown() throws Exception {
        Map<String, String> settings = asARoleOfItsOwn("mipres_down_");
        String role = settings.get("mipres.db.user");
        settings.put("mipres.db.connection.timeout", "PT1S");
        try (RunningGateway own = new RunningGateway(settings)) {
            String eps = own.token(RunningGateway.EPS, RunningGateway.EPS_TOKEN);
            // The database goes away for this gateway: its sessions end and no new one is let in.
            sql("ALTER ROLE " + role + " CONNECTION LIMIT 0",
                    endSessionsOf(role));
            // Each pooled connection, ended under it, fails the one request that finds it so (told the connection
            // was lost); once the two are gone, a request finds no database at all.
            Refusal refusal = firstRefusalAfterTheLostConnections(own, eps);
            Answer refused = refusal.answer();
            String log = refusal.log();
            // The log names each request and its failure, not the values its statements carried (patients' data,
            // the hashes of session tokens).
            assertTrue(log.contains(refused.header("X-Request-Id")), log);
            assertFalse(log.contains("arguments"), log);
            assertFalse(log.contains(TokenHashes.hashSession(eps)), log);
            assertEquals("5", refused.header("Retry-After"));
            assertEquals(OurFaults.unreachable(refused.header("X-Request-Id")), refused.json().get("Message").asText());
            Answer health = own.getAbsolute("/health");
            assertEquals(503, health.status(), health.text());
            assertEquals("DOWN", health.json().get("database").get("status").asText());

            // Back: the pool reconnects by itself.
            sql("ALTER ROLE " + role + " CONNECTION LIMIT -1");
            for (int i = 0; i < 50 && health.status() != 200; i++) {
                Thread.sleep(100);
                health = own.getAbsolute("/health");
            }
            assertEquals(200, health.status(), health.text());
        } finally {
            sql("DROP OWNED BY " + role, "REVOKE CREATE ON DATABASE test FROM " + role, "DROP ROLE " + role);
        }
    }

    @Test
    void aDatabaseThatAcceptsOnlyReadsRefusesWritesWithNothingKeptAndTheyGoThroughOnceItAcceptsThemAgain()
            throws Exception {
        // What a failover shows a gateway whose connections reach a standby: every write refused with SQLSTATE 25006.
        Map<String, String> settings = asARoleOfItsOwn("mipres_ro_");
        String role = settings.get("mipres.db.user");
        try (RunningGateway own = new RunningGateway(settings)) {
            String eps = own.token(RunningGateway.EPS, RunningGateway.EPS_TOKEN);
            sql("ALTER ROLE " + role + " SET default_transaction_read_only = on",
                    endSessionsOf(role));
            Refusal refusal = firstRefusalAfterTheLostConnections(own, eps);
            Answer refused = refusal.answer();
            String log = refusal.log();
            assertEquals("5", refused.header("Retry-After"));
            assertEquals(OurFaults.readOnly(refused.header("X-Request-Id")), refused.json().get("Message").asText());
            assertFalse(log.lines().anyMatch(line -> line.startsWith("ERROR")), "logged as a fault of ours: " + log);
            // Reads go on meanwhile.
            assertEquals(200, own.get("DireccionamientoXFecha/" + RunningGateway.EPS + "/" + eps + "/"
                    + Bodies.today(own.clock)).status());

            // Writes accepted again (the primary is back at the address): the pool's read-only connections are not
            // kept until they retire (30 minutes) but replaced as each refuses its first write.
            sql("ALTER ROLE " + role + " RESET default_transaction_read_only");
            String presc = Bodies.newPrescripcion();
            Answer after = null;
            for (int i = 0; i < 3 && (after == null || after.status() != 200); i++) {
                after = own.put("Direccionamiento/" + RunningGateway.EPS + "/" + eps, Bodies.direccionamiento(
                        presc, PROV1, Bodies.today(own.clock).plusDays(10)));
            }
            assertEquals(200, after.status(), after.text());
        } finally {
            sql("ALTER ROLE " + role + " RESET default_transaction_read_only",
                    endSessionsOf(role));
            sql("DROP OWNED BY " + role, "REVOKE CREATE ON DATABASE test FROM " + role, "DROP ROLE " + role);
        }
    }

    /** Settings for a gateway of its own, connected as a new role (two connections), whose rights the test changes. */
    private static Map<String, String> asARoleOfItsOwn(String prefix) throws SQLException {
        Map<String, String> settings = new java.util.HashMap<>(TestDatabases.postgres());
        String role = prefix + settings.get("mipres.db.schema").substring(3);
        sql("CREATE ROLE " + role + " LOGIN", "GRANT CREATE ON DATABASE test TO " + role);
        settings.put("mipres.db.user", role);
        settings.put("mipres.db.pool.size", "2");
        return settings;
    }

    /**
     * After the role's sessions were ended under the gateway: each pooled connection fails the one request that finds
     * it so (told the connection was lost); the first answer after those, and what the log said meanwhile.
     */
    private static Refusal firstRefusalAfterTheLostConnections(RunningGateway own, String eps) {
        try (CapturedLog captured = new CapturedLog()) {
            Answer refused = null;
            for (int i = 0; i < 4; i++) {
                refused = own.put("Direccionamiento/" + RunningGateway.EPS + "/" + eps, Bodies.direccionamiento(
                        Bodies.newPrescripcion(), PROV1, Bodies.today(own.clock).plusDays(10)));
                assertEquals(503, refused.status(), refused.text());
                if (!refused.json().get("Message").asText().startsWith("Se perdió la conexión")) break;
            }
            return new Refusal(refused, captured.text());
        }
    }

    private record Refusal(Answer answer, String log) {
    }

    /** What a PostgreSQL restart does to the role's sessions: ends them. */
    private static String endSessionsOf(String role) {
        return "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'";
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection admin = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "")) {
            for (String statement : statements) admin.createStatement().execute(statement);
        }
    }

    /** What a PostgreSQL restart does to every session: ends it (57P01), here only the ones waiting for a lock. */
    private static void terminateTheWaitingBackends() {
        signalTheWaitingBackends("pg_terminate_backend");
    }

    /** What a statement_timeout or an operator's pg_cancel_backend does: cancels the statement (57014). */
    private static void cancelTheWaitingStatements() {
        signalTheWaitingBackends("pg_cancel_backend");
    }

    private static void signalTheWaitingBackends(String function) {
        try (Connection admin = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "")) {
            admin.createStatement().execute(
                    "SELECT " + function + "(pid) FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
