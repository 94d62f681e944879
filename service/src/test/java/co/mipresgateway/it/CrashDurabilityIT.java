package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost: the packaged jar, on its default H2 file, is killed with SIGKILL right after
 * answering, and every acknowledged direccionamiento is there when it starts again.
 */
class CrashDurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAcknowledgedWriteSurvivesAKillDashNine() throws Exception {
        Path dataDir = Files.createTempDirectory("mipres-crash-");
        int port = freePort();
        Set<Long> acknowledged = new HashSet<>();
        Process first = start(dataDir, port);
        try {
            String eps = token(port);
            LocalDate later = LocalDate.now(ZoneId.of("America/Bogota")).plusDays(5);
            // Eight writers at once, as the group commit writes concurrent commits together: the kill comes right
            // after the last answers.
            java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<Long>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                answers.add(writers.submit(() -> {
                    Answer answer = put(port, "Direccionamiento/800000001/" + eps,
                            JSON.writeValueAsString(Bodies.direccionamiento(Bodies.newPrescripcion(), "900000001", later)));
                    assertEquals(200, answer.status(), answer.text());
                    return answer.json().get(0).get("IdDireccionamiento").asLong();
                }));
            }
            for (java.util.concurrent.Future<Long> answer : answers) acknowledged.add(answer.get());
            writers.shutdownNow();
        } finally {
            first.destroyForcibly().waitFor();
        }
        Process second = start(dataDir, port);
        try {
            String eps = token(port);
            String today = LocalDate.now(ZoneId.of("America/Bogota")).toString();
            JsonNode records = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(api(port)
                    + "DireccionamientoXFecha/800000001/" + eps + "/" + today)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            Set<Long> found = new HashSet<>();
            records.forEach(r -> found.add(r.get("IDDireccionamiento").asLong()));
            assertTrue(found.containsAll(acknowledged), "lost: " + acknowledged.stream().filter(id -> !found.contains(id)).toList());
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static Process start(Path dataDir, int port) throws Exception {
        Path jar = Path.of("target", "mipres-gateway.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "run after package: " + jar);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-jar", jar.toString());
        builder.environment().put("MIPRES_PORT", String.valueOf(port));
        builder.environment().put("MIPRES_HOST", "127.0.0.1");
        builder.environment().put("MIPRES_DATA_DIR", dataDir.toString());
        builder.environment().remove("MIPRES_DB_URL");
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("gateway-" + System.nanoTime() + ".log").toFile());
        Process process = builder.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (root.statusCode() == 200) return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
            if (!process.isAlive()) throw new AssertionError("the gateway exited: see " + dataDir);
        }
        process.destroyForcibly();
        throw new AssertionError("the gateway did not answer within 60 s");
    }

    private String token(int port) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(api(port)
                + "GenerarToken/800000001/8B1B2C3D-0000-4000-8000-000000000001")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).asText();
    }

    private Answer put(int port, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api(port) + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()), response.body(), response);
    }

    private static String api(int port) {
        return "http://127.0.0.1:" + port + "/WSSUMMIPRESNOPBS/api/";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
