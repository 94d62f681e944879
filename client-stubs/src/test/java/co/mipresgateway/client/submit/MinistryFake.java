package co.mipresgateway.client.submit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WireMock playing the ministry's ReporteEntrega service at its worst. It is naive on purpose: it records every
 * PUT it receives, even a second one for the same ID, so that a client that sends a row twice is caught. On the
 * first PUT of an ID it misbehaves by the ID's last digit: 1 answers 500 without recording; 2 records and answers
 * only after the client's timeout; 3 drops the connection without recording; 4 records and drops the connection;
 * 5 records and answers 502; 6 answers 408 (the body was not received whole) without recording; 7 answers 503 with
 * Retry-After: 1 without recording, and notes how long the client waited before it sent that ID again. After the 25th recording it forgets the session token once (a 401 mid-run).
 */
final class MinistryFake implements ResponseDefinitionTransformerV2 {

    static final String NIT = "900123456";
    static final String PRIMARY = "865E5C5D-FB56-4D24-95F3-D00B42453CF1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Long, String> prescripcionOf;
    private final int slowMillis;
    private final Map<Long, List<Long>> recorded = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> puts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(7_700_001);
    private final AtomicInteger recordings = new AtomicInteger();
    private volatile String sessionToken;
    private final Map<Long, Long> busyAnsweredAtNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> sentAgainAfterMillis = new ConcurrentHashMap<>();

    MinistryFake(Map<Long, String> prescripcionOf, int slowMillis) {
        this.prescripcionOf = prescripcionOf;
        this.slowMillis = slowMillis;
    }

    @Override
    public String getName() {
        return "ministry-fake";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    List<Long> recordsOf(long id) {
        return recorded.getOrDefault(id, List.of());
    }

    /** For an ID answered 503 with Retry-After: 1, the milliseconds between that answer and its next PUT. */
    Map<Long, Long> sentAgainAfterABusyAnswer() {
        return sentAgainAfterMillis;
    }

    int served(String what) {
        return served.getOrDefault(what, new AtomicInteger()).get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String[] path = event.getRequest().getUrl().split("\\?")[0].split("/");
        // /WSSUMMIPRESNOPBS/api/{transaction}/{nit}/{token}/...
        String transaction = path[3];
        String nit = path[4];
        String token = URLDecoder.decode(path[5], StandardCharsets.UTF_8);
        if (transaction.equals("GenerarToken")) {
            if (!nit.equals(NIT) || !token.equals(PRIMARY)) return json(401, "{\"Message\":\"Credenciales inválidas\"}");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            sessionToken = Base64.getUrlEncoder().encodeToString(random);
            count("GenerarToken");
            return json(200, "\"" + sessionToken + "\"");
        }
        if (!token.equals(sessionToken)) {
            count("401");
            return json(401, "{\"Message\":\"Authorization has been denied for this request.\"}");
        }
        if (transaction.equals("ReporteEntregaXPrescripcion")) return lookup(path[6]);
        if (transaction.equals("ReporteEntrega") && event.getRequest().getMethod().getName().equals("PUT")) {
            return reporte(event.getRequest().getBodyAsString());
        }
        return json(404, "{\"Message\":\"No HTTP resource was found that matches the request URI.\"}");
    }

    private ResponseDefinition reporte(String body) {
        long id;
        try {
            id = JSON.readTree(body).get("ID").asLong();
        } catch (Exception e) {
            return json(400, "{\"Message\":\"The request is invalid.\"}");
        }
        int attempt = puts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        int digit = (int) (id % 10);
        Long busyAt = busyAnsweredAtNanos.get(id);
        if (attempt == 2 && busyAt != null) sentAgainAfterMillis.put(id, (System.nanoTime() - busyAt) / 1_000_000);
        if (attempt == 1 && digit == 7) {
            count("503");
            busyAnsweredAtNanos.put(id, System.nanoTime());
            return new ResponseDefinitionBuilder().withStatus(503).withHeader("Content-Type", "application/json")
                    .withHeader("Retry-After", "1").withBody("{\"Message\":\"El servicio está ocupado y no se guardó nada de esta"
                            + " solicitud: envíela de nuevo en un momento.\"}").build();
        }
        if (attempt == 1 && digit == 1) {
            count("500");
            return json(500, "{\"Message\":\"Error.\"}");
        }
        if (attempt == 1 && digit == 6) {
            count("408");
            return json(408, "{\"Message\":\"La solicitud no terminó de llegar a tiempo (se agotó la espera) y no se guardó"
                    + " nada de ella: envíela de nuevo.\"}");
        }
        if (attempt == 1 && digit == 3) {
            count("reset");
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        long created = record(id);
        String answer = "[{\"Id\":" + id + ",\"IdReporteEntrega\":" + created + "}]";
        if (attempt == 1 && digit == 2) {
            count("slow");
            return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(answer).withFixedDelay(slowMillis).build();
        }
        if (attempt == 1 && digit == 4) {
            count("dropped");
            return aResponse().withFault(Fault.EMPTY_RESPONSE).build();
        }
        if (attempt == 1 && digit == 5) {
            count("502");
            return json(502, "<html>Bad Gateway</html>");
        }
        return json(200, answer);
    }

    private long record(long id) {
        long created = nextId.getAndIncrement();
        recorded.computeIfAbsent(id, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(created);
        if (recordings.incrementAndGet() == 25) sessionToken = "forgotten";
        return created;
    }

    private ResponseDefinition lookup(String noPrescripcion) {
        count("lookup");
        ArrayNode answer = JSON.createArrayNode();
        prescripcionOf.forEach((id, prescripcion) -> {
            if (!prescripcion.equals(noPrescripcion)) return;
            for (long created : recordsOf(id)) {
                answer.addObject().put("ID", id).put("IDReporteEntrega", created).put("NoPrescripcion", prescripcion)
                        .put("EstadoEntrega", 1).put("EstRepEntrega", 1).putNull("FecAnulacion");
            }
        });
        return json(200, answer.toString());
    }

    private void count(String what) {
        served.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static ResponseDefinition json(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }

    static JsonNode parse(String text) throws Exception {
        return JSON.readTree(text);
    }
}
