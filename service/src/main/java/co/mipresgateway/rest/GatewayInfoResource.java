package co.mipresgateway.rest;

import co.mipresgateway.store.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET / names the service; GET /health says whether the database answers (503 when it does not). */
@Path("/")
@Produces(Json.UTF_8)
public class GatewayInfoResource {

    private final Database database;
    private final String version;
    private final boolean sandbox;

    public GatewayInfoResource(Database database, String version, boolean sandbox) {
        this.database = database;
        this.version = version;
        this.sandbox = sandbox;
    }

    @GET
    public Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("service", "mipres-gateway");
        info.put("version", version);
        info.put("mode", sandbox ? "sandbox" : "production");
        info.put("api", "/WSSUMMIPRESNOPBS/api/");
        info.put("health", "/health");
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
}
