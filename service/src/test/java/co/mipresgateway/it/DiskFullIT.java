package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's disk fills up. Made to happen by the process's file size limit (set and lifted from outside
 * with prlimit), which fails H2's writes as a full disk does ("File too large" for "No space left on device"). H2
 * then closes itself. Before: every request after it was a 500 "Error interno" with a stack trace in the log. Now
 * the writes it cannot keep are told so (503, to look them up before sending them again, never a 500), and whatever
 * was acknowledged, before the disk filled or while it was full, is there after a restart, which writes again.
 */
class DiskFullIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalDate later = LocalDate.now(ZoneId.of("America/Bogota")).plusDays(5);

    @Test
    void writesThatCannotBeKeptAreToldSoNeverAsOurFaultAndNothingAcknowledgedIsLost() throws Exception {
        // .ci/run installs prlimit; elsewhere (macOS, say) the test says it was not run.
        assumeTrue(onPath("prlimit"), "prlimit (util-linux) is not installed: the full-disk test was not run");
        Path dataDir = Files.createTempDirectory("mipres-diskfull-");
        int port = GatewayJar.freePort();
        Set<Long> acknowledged = new HashSet<>();
        try (GatewayJar gateway = GatewayJar.start(dataDir, port)) {
            String eps = gateway.epsToken();
            limitFileSize(gateway.pid(), Files.size(dataDir.resolve("mipres-gateway.mv.db")) + 64 * 1024);
            Answer refused = null;
            for (int i = 0; i < 5_000 && refused == null; i++) {
                Answer answer = direct(gateway, eps);
                if (answer.status() == 200) {
                    acknowledged.add(answer.json().get(0).get("IdDireccionamiento").asLong());
                } else {
                    refused = answer;
                }
            }
            assertNotNull(refused, "the file never reached its limit");
            assertEquals(503, refused.status(), refused.text());
            assertEquals("30", refused.header("Retry-After"));
            assertTrue(refused.json().get("Message").asText().startsWith("El servicio no pudo escribir en su disco"), refused.text());
            assertEquals(503, gateway.get("/health").status(), "the health check tells the operator");
            for (int i = 0; i < 20; i++) {
                Answer meanwhile = direct(gateway, eps);
                assertNotEquals(500, meanwhile.status(), meanwhile.text());
                if (meanwhile.status() == 200) acknowledged.add(meanwhile.json().get(0).get("IdDireccionamiento").asLong());
            }

            limitFileSize(gateway.pid(), -1);
        }
        try (GatewayJar restarted = GatewayJar.start(dataDir, port)) {
            String eps = restarted.epsToken();
            for (int i = 0; i < 20; i++) {
                Answer after = direct(restarted, eps);
                assertEquals(200, after.status(), after.text());
                acknowledged.add(after.json().get(0).get("IdDireccionamiento").asLong());
            }
            Set<Long> found = CrashDurabilityIT.directedToday(restarted);
            assertTrue(found.containsAll(acknowledged), "lost: " + acknowledged.stream().filter(id -> !found.contains(id)).toList());
        }
    }

    private Answer direct(GatewayJar gateway, String eps) throws Exception {
        return gateway.put("Direccionamiento/" + GatewayJar.EPS_PATH + eps,
                JSON.writeValueAsString(Bodies.direccionamiento(Bodies.newPrescripcion(), "900000001", later)));
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** The process's soft limit on the size of a file it writes; -1 lifts it. */
    private static void limitFileSize(long pid, long bytes) throws Exception {
        Process prlimit = new ProcessBuilder("prlimit", "--pid", String.valueOf(pid),
                "--fsize=" + (bytes < 0 ? "unlimited" : String.valueOf(bytes)) + ":").inheritIO().start();
        assertTrue(prlimit.waitFor(10, TimeUnit.SECONDS) && prlimit.exitValue() == 0, "prlimit (util-linux) failed");
    }
}
