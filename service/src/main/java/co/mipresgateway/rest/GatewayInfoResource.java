package co.mipresgateway.rest;

import co.mipresgateway.store.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * GET / names the service; GET /health says whether the database answers (503 when it does not); GET /metrics gives
 * the counts an operator graphs, in Prometheus' text.
 */
@Path("/")
@Produces(Json.UTF_8)
public class GatewayInfoResource {

    private final Database database;
    private final String version;
    private final boolean sandbox;
    private final Map<String, Object> rehearsing;
    private final Supplier<String> metrics;
    private final MetricsAccess metricsAccess;

    /**
     * @param rehearsing the sandbox's rehearsals of the ministry's failures that are on, by setting; empty for none
     * @param metrics the Prometheus text of the moment
     */
    public GatewayInfoResource(Database database, String version, boolean sandbox, Map<String, Object> rehearsing,
            Supplier<String> metrics, MetricsAccess metricsAccess) {
        this.database = database;
        this.version = version;
        this.sandbox = sandbox;
        this.rehearsing = rehearsing;
        this.metrics = metrics;
        this.metricsAccess = metricsAccess;
    }

    @GET
    public Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("service", "mipres-gateway");
        info.put("version", version);
        info.put("mode", sandbox ? "sandbox" : "production");
        if (!rehearsing.isEmpty()) info.put("rehearsing", rehearsing);
        info.put("api", "/WSSUMMIPRESNOPBS/api/");
        info.put("health", "/health");
        info.put("metrics", "/metrics");
        return info;
    }

    @GET
    @Path("health")
    public Response health() {
        boolean up = database.isUp();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", up ? "UP" : "DOWN");
        health.put("database", Map.of("type", database.describe(), "status", up ? "UP" : "DOWN"));
        return Response.status(up ? 200 : 503).entity(health).build();
    }

    @GET
    @Path("metrics")
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public Response metrics(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!metricsAccess.allows(authorization)) {
            return Response.status(401).type(Json.UTF_8).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .entity(Map.of("Message", MetricsAccess.REFUSAL)).build();
        }
        return Response.ok(metrics.get()).build();
    }
}
