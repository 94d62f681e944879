package co.mipresgateway.it;

import co.mipresgateway.server.Config;
import co.mipresgateway.server.GatewayServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real gateway started on a free port, and an HTTP client that talks to it as an integrator would. */
public final class RunningGateway implements AutoCloseable {

    public static final String EPS = "800000001";
    public static final String EPS_TOKEN = "8B1B2C3D-0000-4000-8000-000000000001";
    public static final String PROV1 = "900000001";
    public static final String PROV1_TOKEN = "9A1B2C3D-0000-4000-8000-000000000002";
    public static final String PROV2 = "900000002";
    public static final String PROV2_TOKEN = "9A1B2C3D-0000-4000-8000-000000000003";

    private static final ObjectMapper JSON = new ObjectMapper();

    public final MutableClock clock = new MutableClock();
    private final GatewayServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String schema;

    public RunningGateway(Map<String, String> database) throws Exception {
        this(database, true);
    }

    /** @param dropsItsSchema whether closing it drops its PostgreSQL schema (false for a second instance on it) */
    public RunningGateway(Map<String, String> database, boolean dropsItsSchema) throws Exception {
        Map<String, String> settings = new HashMap<>(database);
        settings.put("mipres.port", "0");
        settings.put("mipres.host", "127.0.0.1");
        settings.putIfAbsent("mipres.mode", "sandbox");
        this.schema = dropsItsSchema ? settings.getOrDefault("mipres.db.schema", "") : "";
        this.server = GatewayServer.start(Config.load().with(settings), clock);
    }

    /** The answer of one call: status, parsed JSON body (or null) and the raw text. */
    public record Answer(int status, JsonNode json, String text, HttpResponse<String> response) {
        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    public String api() {
        return base() + GatewayServer.API_PATH + "/";
    }

    public GatewayServer server() {
        return server;
    }

    public String token(String nit, String primary) {
        Answer answer = get("GenerarToken/" + nit + "/" + primary);
        if (answer.status() != 200) throw new AssertionError("GenerarToken " + nit + ": " + answer.text());
        return answer.json().asText();
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(api() + path)).GET()
                .header("Content-Type", "application/json").build());
    }

    public Answer getAbsolute(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    public Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(api() + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Answer put(String path, Object body) {
        try {
            return put(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String text = response.body();
            if (text != null && !text.isBlank()) {
                try {
                    json = JSON.readTree(text);
                } catch (IOException notJson) {
                    json = null;
                }
            }
            return new Answer(response.statusCode(), json, text, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer's bytes as they came over the wire (no decoding of any Content-Encoding). */
    public HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        if (!schema.isBlank()) TestDatabases.dropSchema(schema);
    }
}
