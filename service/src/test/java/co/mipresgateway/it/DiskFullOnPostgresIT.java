package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import co.mipresgateway.server.OurFaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's disk fills up: here the direccionamiento table is moved to a tablespace on a 1 MB tmpfs, and a write
 * that needs a new page fails with SQLSTATE 53100 ("could not extend file ... No space left on device"). Its
 * transaction is rolled back whole. Before: a 500 "Error interno" and a stack trace, as for a fault of ours. Now a 503
 * saying that nothing of it was kept and to send it again later, and once the disk has room the same request goes
 * through. Needs the PostgreSQL on this machine and the right to mount a tmpfs (root): otherwise it says it was not run.
 */
class DiskFullOnPostgresIT extends GatewayContract {

    private Map<String, String> settings;

    @Override
    protected Map<String, String> database() {
        settings = TestDatabases.postgres();
        return settings;
    }

    @Test
    void aWriteThePostgresDiskCannotHoldIsToldNothingWasKeptAndGoesThroughOnceThereIsRoom() throws Exception {
        String table = settings.get("mipres.db.schema") + ".direccionamiento";
        String tablespace = "mipres_full_" + settings.get("mipres.db.schema").substring(3);
        Path disk = Files.createTempDirectory("mipres-pg-disk-");
        assumeMounted(disk);
        try {
            sql("CREATE TABLESPACE " + tablespace + " LOCATION '" + disk + "'",
                    "ALTER TABLE " + table + " SET TABLESPACE " + tablespace);
            Answer refused = null;
            String presc = null;
            String log;
            try (CapturedLog captured = new CapturedLog()) {
                for (int i = 0; i < 20_000 && refused == null; i++) {
                    presc = Bodies.newPrescripcion();
                    Answer answer = gateway.put("Direccionamiento/" + EPS + "/" + eps,
                            Bodies.direccionamiento(presc, PROV1, today().plusDays(10)));
                    if (answer.status() != 200) refused = answer;
                }
                log = captured.text();
            }
            assertNotNull(refused, "the tablespace never filled");
            assertEquals(503, refused.status(), refused.text());
            assertEquals("30", refused.header("Retry-After"));
            assertEquals(OurFaults.storageRefused(refused.header("X-Request-Id")), refused.json().get("Message").asText());
            assertFalse(log.lines().anyMatch(line -> line.startsWith("ERROR")), "logged as a fault of ours: " + log);
            // Nothing of it was kept: the prescription is not directed.
            assertTrue(ok(gateway.get("DireccionamientoXPrescripcion/" + EPS + "/" + eps + "/" + presc)).json().isEmpty());

            sql("ALTER TABLE " + table + " SET TABLESPACE pg_default");   // room again
            ok(gateway.put("Direccionamiento/" + EPS + "/" + eps, Bodies.direccionamiento(presc, PROV1, today().plusDays(10))));
        } finally {
            sql("ALTER TABLE " + table + " SET TABLESPACE pg_default", "DROP TABLESPACE IF EXISTS " + tablespace);
            run("umount", disk.toString());
            Files.deleteIfExists(disk);
        }
    }

    /** A 1 MB tmpfs owned by the postgres user, or the test is reported as not run. */
    private static void assumeMounted(Path disk) throws Exception {
        String host = TestDatabases.POSTGRES_URL.replaceFirst("^jdbc:postgresql://([^:/]+).*$", "$1");
        boolean local = host.equals("127.0.0.1") || host.equals("localhost");
        boolean mounted = local && run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString());
        if (mounted && !run("chown", "postgres:postgres", disk.toString())) {
            run("umount", disk.toString());
            mounted = false;
        }
        if (!mounted) {
            Files.deleteIfExists(disk);
            Assumptions.abort("PostgreSQL full-disk test not run: it needs the PostgreSQL on this machine and the right"
                    + " to mount a tmpfs (root)");
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection admin = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "")) {
            for (String statement : statements) admin.createStatement().execute(statement);
        }
    }
}
