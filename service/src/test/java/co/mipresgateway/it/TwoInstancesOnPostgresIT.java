package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static co.mipresgateway.it.RunningGateway.EPS_TOKEN;
import static co.mipresgateway.it.RunningGateway.PROV1;
import static co.mipresgateway.it.RunningGateway.PROV1_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Production runs several instances on one PostgreSQL. Two gateways started at the same moment on one empty schema
 * (their migrations and sandbox data racing), then used side by side, behave as one: a session token from either
 * works on both, IDs never collide, and the rules of the chain hold across them.
 */
class TwoInstancesOnPostgresIT {

    @Test
    void twoInstancesStartedTogetherOnOneDatabaseActAsOne() throws Exception {
        Map<String, String> shared = TestDatabases.postgres();
        CompletableFuture<RunningGateway> startingA = CompletableFuture.supplyAsync(() -> start(shared));
        CompletableFuture<RunningGateway> startingB = CompletableFuture.supplyAsync(() -> start(shared));
        try (RunningGateway a = startingA.get(60, TimeUnit.SECONDS); RunningGateway b = startingB.get(60, TimeUnit.SECONDS)) {
            // the demo chains were written once, not once per instance
            String epsOnA = a.token(EPS, EPS_TOKEN);
            Answer demo = b.get("DireccionamientoXFecha/" + EPS + "/" + epsOnA + "/2025-06-02");
            assertEquals(200, demo.status(), demo.text());
            assertEquals(12, demo.json().size(), demo.text());

            // IDs from one sequence, whichever instance writes
            String prov1OnB = b.token(PROV1, PROV1_TOKEN);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                RunningGateway writer = i % 2 == 0 ? a : b;
                Answer created = writer.put("Direccionamiento/" + EPS + "/" + epsOnA, Bodies.direccionamiento(
                        Bodies.newPrescripcion(), PROV1, Bodies.today(writer.clock).plusDays(10)));
                assertEquals(200, created.status(), created.text());
                ids.add(created.json().get(0).get("Id").asLong());
            }
            Set<Long> distinct = new HashSet<>(ids);
            assertEquals(ids.size(), distinct.size(), ids.toString());

            // one programación of an ID, sent to both at once: exactly one is recorded
            long id = ids.get(0);
            List<CompletableFuture<Answer>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RunningGateway to = i % 2 == 0 ? a : b;
                racers.add(CompletableFuture.supplyAsync(() -> to.put("Programacion/" + PROV1 + "/" + prov1OnB,
                        Bodies.programacion(id, PROV1, Bodies.today(to.clock).plusDays(1)))));
            }
            List<Answer> answers = new ArrayList<>();
            for (CompletableFuture<Answer> racer : racers) answers.add(racer.get(30, TimeUnit.SECONDS));
            assertEquals(1, answers.stream().filter(x -> x.status() == 200).count(), answers.toString());
            assertTrue(answers.stream().filter(x -> x.status() != 200)
                    .allMatch(x -> x.status() == 422 && x.text().contains("ya existe")), answers.toString());
        }
    }

    @Test
    void anInstanceWhoseUserMayOnlyUseItsTablesStartsServesAndCommitsDurably() throws Exception {
        Map<String, String> owner = TestDatabases.postgres();
        String schema = owner.get("mipres.db.schema");
        String role = "mipres_app_" + schema.substring(3);
        try (RunningGateway migrating = new RunningGateway(owner)) {
            migrating.token(EPS, EPS_TOKEN);   // the schema, its tables and the demo data exist
            sql("CREATE ROLE " + role + " LOGIN",
                    "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role,
                    "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role,
                    // an operator's choice for speed, which would make acknowledged writes losable in a crash
                    "ALTER ROLE " + role + " SET synchronous_commit = off");
            try {
                Map<String, String> app = new java.util.HashMap<>(owner);
                app.put("mipres.db.user", role);
                try (RunningGateway serving = startWithoutDroppingTheSchema(app)) {
                    String eps = serving.token(EPS, EPS_TOKEN);
                    Answer created = serving.put("Direccionamiento/" + EPS + "/" + eps, Bodies.direccionamiento(
                            Bodies.newPrescripcion(), PROV1, Bodies.today(serving.clock).plusDays(10)));
                    assertEquals(200, created.status(), created.text());
                    assertEquals("on", serving.server().database().read(
                            h -> h.createQuery("SHOW synchronous_commit").mapTo(String.class).one()),
                            "the gateway's commits must wait for the disk whatever the role's default");
                }
            } finally {
                sql("DROP OWNED BY " + role, "DROP ROLE " + role);
            }
        }
    }

    private static RunningGateway startWithoutDroppingTheSchema(Map<String, String> database) throws Exception {
        return new RunningGateway(database, false);
    }

    private static void sql(String... statements) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "");
                java.sql.Statement s = c.createStatement()) {
            for (String statement : statements) s.execute(statement);
        }
    }

    private static RunningGateway start(Map<String, String> database) {
        try {
            return new RunningGateway(database);
        } catch (Exception e) {
            throw new IllegalStateException("an instance did not start: " + e, e);
        }
    }
}
