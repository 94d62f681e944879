package co.mipresgateway.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * Run once by the build ({@code mvn package}) under {@code -XX:ArchiveClassesAtExit}: a sandbox on a throw-away
 * database and a free port answers one call of each face, then stops, and the JVM writes the classes it loaded
 * to {@code service/target/mipres-gateway.jsa}. Started with {@code -XX:SharedArchiveFile} pointing at it, the
 * gateway maps those classes instead of loading and verifying them one by one: about a third of its start.
 */
@Command(name = "warm-up", hidden = true, description = "Carga lo que carga un primer inicio y termina (el archivo de clases que escribe el build).")
final class ClassDataWarmUp implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("mipres-warm-up-");
        Config config = Config.load().with(Map.of("mipres.port", "0", "mipres.host", "127.0.0.1", "mipres.mode", "sandbox",
                "mipres.data.dir", data.toString(), "mipres.db.url", ""));
        try (GatewayServer server = GatewayServer.start(config, Clock.systemUTC())) {
            server.soapReady().join();
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(), HttpResponse.BodyHandlers.discarding());
            String nit = SandboxParties.PROVEEDOR_1.nit();
            String token = http.send(HttpRequest.newBuilder(URI.create(base + GatewayServer.API_PATH
                    + "/GenerarToken/" + nit + "/" + SandboxParties.PROVEEDOR_1_TOKEN)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body().replace("\"", "");
            http.send(HttpRequest.newBuilder(URI.create(base + GatewayServer.API_PATH + "/ReporteEntrega/" + nit + "/" + token))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"ID\":1,\"EstadoEntrega\":1,\"CausaNoEntrega\":0,\"ValorEntregado\":1}"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(base + GatewayServer.SOAP_PATH)).header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                            + "xmlns:s=\"urn:mipres-gateway:suministro:v1\"><soapenv:Body><s:GenerarToken><s:nit>" + nit + "</s:nit>"
                            + "<s:tokenPrincipal>" + SandboxParties.PROVEEDOR_1_TOKEN + "</s:tokenPrincipal></s:GenerarToken>"
                            + "</soapenv:Body></soapenv:Envelope>")).build(), HttpResponse.BodyHandlers.discarding());
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }
}
