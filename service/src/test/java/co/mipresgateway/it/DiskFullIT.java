package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's disk fills up. Made to happen by the process's file size limit (set and lifted from outside
 * with prlimit), which fails H2's writes as a full disk does ("File too large" for "No space left on device"). H2
 * then closes itself. Before: every request after it was a 500 "Error interno" with a stack trace in the log, and
 * until a restart even once the disk had room (the reopened file was left unreachable: "Server is running"). Now the
 * writes it cannot keep are told so (503, to look them up before sending them again, never a 500), writes are accepted
 * again by the same process once the file can grow, under load all along, and whatever was acknowledged is there
 * after a restart.
 * <p>
 * Two H2 behaviours showed here, each once in a while: a request's statement spinning for ever on the store H2 closed,
 * so that the file was never opened again (SpinOnClosedStore), and a group acknowledged before the chunk H2 had begun
 * by itself was written, then lost when that chunk could not be (DurableCheckpoint).
 */
class DiskFullIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 8;
    /** Far beyond any answer here (each is given in milliseconds, or refused within seconds): a request not answered. */
    private static final java.time.Duration ANSWER_WAIT = java.time.Duration.ofSeconds(20);
    /**
     * How long the disk stays full. A soak of the recovery, with dozens of failed writes and reopenings (the file has
     * room inside for a while), takes a minute: -DargLine=-Ddiskfull.full.ms=60000.
     */
    private static final long FULL_MS = Long.getLong("diskfull.full.ms", 3_000);
    private final LocalDate later = LocalDate.now(ZoneId.of("America/Bogota")).plusDays(5);

    @Test
    void writesThatCannotBeKeptAreToldSoTheSameProcessWritesAgainOnceTheDiskHasRoomAndNothingAcknowledgedIsLost()
            throws Exception {
        // .ci/run installs prlimit; elsewhere (macOS, say) the test says it was not run.
        assumeTrue(onPath("prlimit"), "prlimit (util-linux) is not installed: the full-disk test was not run");
        Path dataDir = Files.createTempDirectory("mipres-diskfull-");
        int port = GatewayJar.freePort();
        // Each IdDireccionamiento acknowledged, with the request it was acknowledged to and when: to find it in the
        // gateway's log should it be lost.
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Answer> mayHaveBeenKept = new AtomicReference<>();
        AtomicReference<Answer> refusedBeforeStarting = new AtomicReference<>();
        AtomicInteger waitedForAConnection = new AtomicInteger();
        try (GatewayJar gateway = GatewayJar.start(dataDir, port)) {
            String eps = gateway.epsToken();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            boolean writersEnded;
            for (int i = 0; i < WRITERS; i++) {
                writers.submit(() -> {
                    while (!stop.get()) {
                        Answer answer;
                        try {
                            answer = direct(gateway, eps);
                        } catch (IllegalStateException noAnswer) {
                            unexpected.add("no answer: " + noAnswer.getCause());
                            continue;
                        }
                        if (answer.status() == 200) {
                            acknowledged.put(answer.json().get(0).get("IdDireccionamiento").asLong(),
                                    "request " + answer.header("X-Request-Id") + " answered at " + java.time.Instant.now());
                        } else if (answer.status() == 503 && answer.text().contains("no pudo escribir en su disco")) {
                            mayHaveBeenKept.compareAndSet(null, answer);
                        } else if (answer.status() == 503 && answer.text().contains("no puede escribir en su disco")) {
                            refusedBeforeStarting.compareAndSet(null, answer);
                        } else if (toldBusy(answer)) {
                            // A request that waited out its connection timeout is told nothing was kept, which is
                            // true: it never had a connection. Seen once in a loaded CI run, when the pool's connection
                            // maker was still in HikariCP's backoff after the file could be written again; it now
                            // waits for the gate instead (GatedH2ConnectionsTest), so this is for a machine that slow.
                            waitedForAConnection.incrementAndGet();
                        } else {
                            unexpected.add(answer.status() + " " + answer.text());
                        }
                    }
                    return null;
                });
            }
            try {
                await(() -> acknowledged.size() >= 50, 30, "the writers never got going");
                limitFileSize(gateway.pid(), Files.size(dataDir.resolve("mipres-gateway.mv.db")) + 64 * 1024);
                await(() -> mayHaveBeenKept.get() != null, 60, "the file never reached its limit");
                // The writes whose commit could not be written are told to look before sending again...
                assertEquals("30", mayHaveBeenKept.get().header("Retry-After"));
                assertTrue(mayHaveBeenKept.get().json().get("Message").asText().startsWith(
                        "El servicio no pudo escribir en su disco (lleno o fallando); una escritura pudo quedar guardada o no"),
                        mayHaveBeenKept.get().text());
                await(() -> gateway.get("/health").status() == 503, 10, "the health check never told the operator");
                Thread.sleep(FULL_MS);   // the disk stays full a while under load: refused or written, never a fault
                // ... and those that came after, refused before they reached the database, that nothing was kept.
                assertNotNull(refusedBeforeStarting.get(), "no request was refused before it reached the database");
                assertEquals("30", refusedBeforeStarting.get().header("Retry-After"));
                assertTrue(refusedBeforeStarting.get().json().get("Message").asText().contains("no se guardó nada"),
                        refusedBeforeStarting.get().text());

                limitFileSize(gateway.pid(), -1);
                int beforeRoom = acknowledged.size();
                await(() -> acknowledged.size() >= beforeRoom + 100 && gateway.get("/health").status() == 200, 30,
                        "the same process did not write again once the file could grow");
            } catch (AssertionError | RuntimeException failed) {
                throw new AssertionError(failed.getMessage() + "; the gateway's log ends:\n" + gateway.logTail(60)
                        + "\nits other lines end:\n" + gateway.logTailBesidesRequests(30)
                        + "\nits threads:\n" + gateway.threadsOfTheGateway(), failed);
            } finally {
                stop.set(true);
                writers.shutdown();
                // Each request gives up after ANSWER_WAIT, so the writers end: an answer that never came is told below.
                writersEnded = writers.awaitTermination(60, TimeUnit.SECONDS);
            }
            assertTrue(writersEnded, "writers still waiting; the gateway's log ends:\n" + gateway.logTail(60));
            assertEquals(List.of(), unexpected.subList(0, Math.min(5, unexpected.size())),
                    unexpected.size() + " answers neither written nor refused for the disk (besides " + waitedForAConnection
                            + " told the database was busy); the gateway's log ends:\n" + gateway.logTail(60));
            // The file opened again in the same process holds every write acknowledged before, during and after.
            Set<Long> reopened = CrashDurabilityIT.directedToday(gateway);
            assertTrue(reopened.containsAll(acknowledged.keySet()), "lost in the reopened file: " + lost(acknowledged, reopened)
                    + "; the gateway's other lines end:\n" + gateway.logTailBesidesRequests(60));
        }
        try (GatewayJar restarted = GatewayJar.start(dataDir, port)) {
            String eps = restarted.epsToken();
            for (int i = 0; i < 20; i++) {
                Answer first = direct(restarted, eps);
                Answer after = first;
                if (toldBusy(first)) {
                    // Told that nothing was kept and to send it again in a moment (Retry-After: 1), which a client does.
                    // Seen once in a CI run, for one write of this single writer, the cause unknown (the log was gone
                    // with the test): said in the output, with the gateway's own line for it, and sent again once.
                    System.out.println("DiskFullIT: after the restart a write was told the database was busy; the"
                            + " gateway's lines for it:\n" + restarted.logLinesOf(first.header("X-Request-Id")));
                    Thread.sleep(1_000);
                    after = direct(restarted, eps);
                }
                Answer answered = after;
                assertEquals(200, answered.status(), () -> answered.text() + "; the restarted gateway's log ends:\n"
                        + restarted.logTail(30) + "\nits other lines end:\n" + restarted.logTailBesidesRequests(30));
                acknowledged.put(after.json().get(0).get("IdDireccionamiento").asLong(), "after the restart");
            }
            Set<Long> found = CrashDurabilityIT.directedToday(restarted);
            assertTrue(found.containsAll(acknowledged.keySet()), "lost: " + lost(acknowledged, found));
        }
    }

    private static boolean toldBusy(Answer answer) {
        return answer.status() == 503 && answer.text().contains("está ocupada y no se guardó nada");
    }

    private static List<String> lost(Map<Long, String> acknowledged, Set<Long> found) {
        return acknowledged.entrySet().stream().filter(ack -> !found.contains(ack.getKey()))
                .map(ack -> ack.getKey() + " (" + ack.getValue() + ")").toList();
    }

    private static void await(BooleanSupplier condition, int seconds, String otherwise) throws InterruptedException {
        long until = System.currentTimeMillis() + seconds * 1_000L;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) throw new AssertionError(otherwise);
            Thread.sleep(50);
        }
    }

    private Answer direct(GatewayJar gateway, String eps) throws Exception {
        return gateway.put("Direccionamiento/" + GatewayJar.EPS_PATH + eps,
                JSON.writeValueAsString(Bodies.direccionamiento(Bodies.newPrescripcion(), "900000001", later)), ANSWER_WAIT);
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
