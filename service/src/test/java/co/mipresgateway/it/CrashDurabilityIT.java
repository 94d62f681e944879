package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost: the packaged jar, on its default H2 file, is killed with SIGKILL right after
 * answering, and every acknowledged direccionamiento is there when it starts again.
 */
class CrashDurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAcknowledgedWriteSurvivesAKillDashNine() throws Exception {
        Path dataDir = Files.createTempDirectory("mipres-crash-");
        int port = GatewayJar.freePort();
        Set<Long> acknowledged = new HashSet<>();
        GatewayJar first = GatewayJar.start(dataDir, port);
        try {
            String eps = first.epsToken();
            LocalDate later = LocalDate.now(ZoneId.of("America/Bogota")).plusDays(5);
            // Eight writers at once, as the group commit writes concurrent commits together: the kill comes right
            // after the last answers.
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                answers.add(writers.submit(() -> {
                    Answer answer = first.put("Direccionamiento/" + GatewayJar.EPS_PATH + eps,
                            JSON.writeValueAsString(Bodies.direccionamiento(Bodies.newPrescripcion(), "900000001", later)));
                    assertEquals(200, answer.status(), answer.text());
                    return answer.json().get(0).get("IdDireccionamiento").asLong();
                }));
            }
            for (Future<Long> answer : answers) acknowledged.add(answer.get());
            writers.shutdownNow();
        } finally {
            first.kill();
        }
        try (GatewayJar second = GatewayJar.start(dataDir, port)) {
            Set<Long> found = directedToday(second);
            assertTrue(found.containsAll(acknowledged), "lost: " + acknowledged.stream().filter(id -> !found.contains(id)).toList());
        }
    }

    /** The IDDireccionamiento of every direccionamiento the demo EPS made today. */
    static Set<Long> directedToday(GatewayJar gateway) {
        String today = LocalDate.now(ZoneId.of("America/Bogota")).toString();
        Answer records = gateway.get(gateway.api() + "DireccionamientoXFecha/" + GatewayJar.EPS_PATH + gateway.epsToken()
                + "/" + today);
        assertEquals(200, records.status(), records.text());
        Set<Long> found = new HashSet<>();
        records.json().forEach(r -> found.add(r.get("IDDireccionamiento").asLong()));
        return found;
    }
}
