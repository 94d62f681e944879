package co.mipresgateway.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The real gateway, started from the jar the service module built, on a free port and a fresh H2 file. */
public final class GatewayProcess implements AutoCloseable {

    public static final String EPS = "800000001";
    public static final String EPS_TOKEN = "8B1B2C3D-0000-4000-8000-000000000001";
    public static final String PROV1 = "900000001";
    public static final String PROV1_TOKEN = "9A1B2C3D-0000-4000-8000-000000000002";
    public static final String PROV2 = "900000002";
    public static final String PROV2_TOKEN = "9A1B2C3D-0000-4000-8000-000000000003";

    private final Process process;
    private final int port;
    public final Path dataDir;

    private GatewayProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    public static GatewayProcess start(Map<String, String> settings) throws Exception {
        Path jar = Path.of(System.getProperty("mipres.gateway.jar", "../service/target/mipres-gateway.jar")).toAbsolutePath();
        if (!Files.exists(jar)) throw new AssertionError("build the service first (mvn package): " + jar);
        Path dataDir = Files.createTempDirectory("mipres-client-it-");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-jar", jar.toString());
        builder.environment().put("MIPRES_PORT", String.valueOf(port));
        builder.environment().put("MIPRES_HOST", "127.0.0.1");
        builder.environment().put("MIPRES_DATA_DIR", dataDir.toString());
        builder.environment().put("MIPRES_LOG_REQUESTS", "WARN");
        builder.environment().remove("MIPRES_DB_URL");
        builder.environment().putAll(settings);
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("gateway.log").toFile());
        GatewayProcess gateway = new GatewayProcess(builder.start(), port, dataDir);
        gateway.awaitReady();
        return gateway;
    }

    /** Both faces answer: REST at once, SOAP (published just after) when its WSDL is served. */
    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) throw new AssertionError("the gateway exited: see " + dataDir.resolve("gateway.log"));
            try {
                HttpResponse<String> wsdl = http.send(HttpRequest.newBuilder(URI.create(base() + SuministroSoap.SOAP_PATH + "?wsdl"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (wsdl.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new AssertionError("the gateway did not answer within 60 s: see " + dataDir.resolve("gateway.log"));
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public SuministroClient client(String nit, String primaryToken) {
        return SuministroClient.builder(base()).credentials(nit, primaryToken).build();
    }

    /**
     * A free port below Linux's ephemeral range (32768-60999). One the system picks (port 0) is from that range, and
     * between its release and the gateway's bind, a second later, an outgoing connection (a client, PostgreSQL's) may
     * take it: the gateway then failed to start ("Failed to bind", seen in a full run).
     */
    public static int freePort() throws IOException {
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

    /** A gateway that does not stop within a minute of its SIGTERM (it gives requests 20 s) fails the test, not CI's clock. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) return;
            process.destroyForcibly().waitFor();
            throw new AssertionError("the gateway did not stop within 60 s of a SIGTERM");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
