package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The packaged jar in a process of its own, on its default H2 file: what a kill or an operating-system limit reaches. */
final class GatewayJar implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String EPS_PATH = "800000001/";
    /**
     * Far beyond any answer or stop here (milliseconds; a stop gives its requests 20 s): a test that meets it fails
     * saying so, instead of waiting for ever (DiskFullIT once did, in one CI run, nobody knows where).
     */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Process process;
    private final int port;
    private final Path log;

    private GatewayJar(Process process, int port, Path log) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar on the data folder and returns once {@code GET /} answers. */
    static GatewayJar start(Path dataDir, int port) throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-gateway-" + System.nanoTime() + ".log");
        // Through a pipe, copied here: a file size limit set on the gateway (DiskFullIT) then cuts its database, not
        // its log, which otherwise stopped where the limit fell, leaving the recovery after it unseen.
        Process process = processOn(dataDir, port, log).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        copyInBackground(process.getInputStream(), log);
        GatewayJar gateway = new GatewayJar(process, port, log);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (gateway.get("/").status() == 200) return gateway;
            } catch (IllegalStateException notYet) {
                Thread.sleep(100);
            }
            if (!process.isAlive()) throw new AssertionError("the gateway exited: see the log beside " + dataDir);
        }
        process.destroyForcibly();
        throw new AssertionError("the gateway did not answer within 60 s");
    }

    private static void copyInBackground(java.io.InputStream output, Path log) {
        Thread copier = new Thread(() -> {
            try (output; java.io.OutputStream file = Files.newOutputStream(log)) {
                output.transferTo(file);
            } catch (IOException e) {
                // the gateway was killed, or the log's folder removed: nothing more to copy
            }
        }, "gateway-log-copier");
        copier.setDaemon(true);
        copier.start();
    }

    /**
     * Runs the jar on the data folder (the service, or the command given) until it exits, for a start that is to fail:
     * its exit code and all it printed.
     */
    static Exited runUntilItExits(Path dataDir, int port, String... command) throws Exception {
        Path output = dataDir.resolveSibling(dataDir.getFileName() + "-gateway-" + System.nanoTime() + ".log");
        Process process = processOn(dataDir, port, output, command).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the gateway did not exit within 60 s: see " + output);
        }
        return new Exited(process.exitValue(), Files.readString(output));
    }

    record Exited(int code, String output) {
    }

    private static ProcessBuilder processOn(Path dataDir, int port, Path output, String... command) {
        Path jar = Path.of("target", "mipres-gateway.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "run after package: " + jar);
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m", "-jar", jar.toString()));
        line.addAll(java.util.List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().put("MIPRES_PORT", String.valueOf(port));
        builder.environment().put("MIPRES_HOST", "127.0.0.1");
        builder.environment().put("MIPRES_DATA_DIR", dataDir.toString());
        builder.environment().remove("MIPRES_DB_URL");
        return builder.redirectErrorStream(true).redirectOutput(output.toFile());
    }

    long pid() {
        return process.pid();
    }

    /** The demo EPS's session token. */
    String epsToken() {
        return get(api() + "GenerarToken/" + EPS_PATH + "8B1B2C3D-0000-4000-8000-000000000001").json().asText();
    }

    Answer get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl
                : "http://127.0.0.1:" + port + pathOrUrl)).timeout(PATIENCE).GET().build());
    }

    Answer put(String apiPath, String body) {
        return put(apiPath, body, PATIENCE);
    }

    /** The same, given up (an IllegalStateException) when no answer comes within {@code wait}. */
    Answer put(String apiPath, String body, Duration wait) {
        return send(HttpRequest.newBuilder(URI.create(api() + apiPath)).header("Content-Type", "application/json")
                .timeout(wait).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    String api() {
        return "http://127.0.0.1:" + port + "/WSSUMMIPRESNOPBS/api/";
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines the gateway printed, for a failure's message (the temporary folder is gone after the test). */
    String logTail(int lines) {
        return logTail(lines, line -> true);
    }

    /** The last lines the gateway printed other than those of each request, which a flood of them would push out. */
    String logTailBesidesRequests(int lines) {
        return logTail(lines, line -> !line.contains(" INFO  request - ") && !line.contains(" WARN  UnexpectedErrorMapper - "));
    }

    /** Every line the gateway printed about one request (its id is in each). */
    String logLinesOf(String requestId) {
        return logTail(Integer.MAX_VALUE, line -> requestId != null && line.contains(requestId));
    }

    private String logTail(int lines, java.util.function.Predicate<String> kept) {
        try {
            java.util.List<String> all = Files.readAllLines(log).stream().filter(kept).toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Ended as a kill -9 ends it. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stopped as an operator's SIGTERM stops it; one that does not stop fails the test with its threads' stacks. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) return;
        String threads = threadsOfTheGateway();
        process.destroyForcibly().waitFor();
        throw new AssertionError("the gateway did not stop within " + PATIENCE.toSeconds() + " s of a SIGTERM; its threads:\n"
                + threads + "\nits log ends:\n" + logTail(60));
    }

    /** Every thread's stack in the gateway (jcmd), for a failure's message. */
    String threadsOfTheGateway() throws InterruptedException {
        try {
            Path dump = Files.createTempFile("mipres-gateway-threads-", ".txt");
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) jcmd.destroyForcibly();
            return Files.readString(dump);
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768-60999). One the system picks (port 0) is from that range, and
     * between its release and the jar's bind, a second later, an outgoing connection (a client, PostgreSQL's) may take
     * it: the gateway then failed to start ("Failed to bind", seen in a full run).
     */
    static int freePort() throws IOException {
        for (int tries = 0; tries < 100; tries++) {
            int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }
}
