import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds the benchmark through the API itself, 16 requests at a time (JDK only: run as `java bench/Seed.java`).
 *   chains BASE EPS_TOKEN PROVIDER_TOKEN COUNT FECMAX MAP -> directs and programs COUNT chains, prints "first last",
 *                                                            writes "ID,NoPrescripcion" of each chain to MAP
 *   reports BASE PROVIDER_TOKEN FIRST COUNT            -> reports the first COUNT delivered chains from FIRST
 *   deliver BASE PROVIDER_TOKEN FIRST COUNT TODAY      -> delivers the COUNT programmed chains FIRST..FIRST+COUNT-1
 */
public class Seed {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Pattern ID = Pattern.compile("\"Id\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[1] + "/WSSUMMIPRESNOPBS/api/";
        if (args[0].equals("chains")) {
            int count = Integer.parseInt(args[4]);
            String fecMax = args[5];
            ConcurrentSkipListSet<Long> ids = new ConcurrentSkipListSet<>();
            java.util.Map<Long, String> prescripcionOf = new java.util.concurrent.ConcurrentHashMap<>();
            run(count, n -> put(base + "Direccionamiento/800000001/" + args[2], String.format(
                    "{\"NoPrescripcion\":\"%020d\",\"TipoTec\":\"M\",\"ConTec\":1,\"TipoIDPaciente\":\"CC\","
                    + "\"NoIDPaciente\":\"1020304050\",\"NoEntrega\":1,\"NoSubEntrega\":0,\"TipoIDProv\":\"NI\","
                    + "\"NoIDProv\":\"900000001\",\"CodMunEnt\":\"11001\",\"FecMaxEnt\":\"%s\",\"CantTotAEntregar\":\"30\","
                    + "\"DirPaciente\":\"Calle 1 # 2-3\",\"CodSerTecAEntregar\":\"19943544-1\"}", n + 1L, fecMax), ids, prescripcionOf, String.format("%020d", n + 1L)));
            Long[] sorted = ids.toArray(new Long[0]);
            run(count, n -> put(base + "Programacion/900000001/" + args[3], String.format(
                    "{\"ID\":%d,\"FecMaxEnt\":\"%s\",\"TipoIDSedeProv\":\"NI\",\"NoIDSedeProv\":\"900000001\","
                    + "\"CodSedeProv\":\"PROV008878\",\"CodSerTecAEntregar\":\"19943544-1\",\"CantTotAEntregar\":\"30\"}",
                    sorted[n], fecMax), null));
            long first = sorted[0];
            long last = sorted[sorted.length - 1];
            if (last - first + 1 != count) throw new IllegalStateException("chain IDs are not contiguous: " + first + ".." + last);
            StringBuilder map = new StringBuilder();
            for (Long id : sorted) map.append(id).append(',').append(prescripcionOf.get(id)).append('\n');
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[6]), map);
            System.out.println(first + " " + last);
        } else if (args[0].equals("deliver")) {
            // wrk's threads stop unevenly, so PUT Entrega may have delivered some of these already: fine, they
            // are delivered either way.
            long first = Long.parseLong(args[3]);
            run(Integer.parseInt(args[4]), n -> deliver(base + "Entrega/900000001/" + args[2], String.format(
                    "{\"ID\":%d,\"CodSerTecEntregado\":\"19943544-1\",\"CantTotEntregada\":\"30\",\"EntTotal\":1,"
                    + "\"CausaNoEntrega\":0,\"FecEntrega\":\"%s\",\"NoLote\":\"L123\",\"TipoIDRecibe\":\"CC\","
                    + "\"NoIDRecibe\":\"1020304050\"}", first + n, args[5])));
        } else {
            // wrk may take a number it never sends: report the first COUNT chains that were really delivered.
            int wanted = Integer.parseInt(args[4]);
            int reported = 0;
            for (long id = Long.parseLong(args[3]); reported < wanted; id++) {
                HttpResponse<String> answer = send(base + "ReporteEntrega/900000001/" + args[2], String.format(
                        "{\"ID\":%d,\"EstadoEntrega\":1,\"CausaNoEntrega\":0,\"ValorEntregado\":\"12500.50\"}", id));
                if (answer.statusCode() == 200) reported++;
                else if (!answer.body().contains("no existe una entrega activa")) throw new IllegalStateException(answer.body());
            }
        }
    }

    static void run(int count, IntFunction<Void> work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            int n = i;
            pool.execute(() -> {
                try {
                    work.apply(n);
                } catch (RuntimeException e) {
                    if (failures.incrementAndGet() <= 3) System.err.println(e.getMessage());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        if (failures.get() > 0) throw new IllegalStateException(failures.get() + " seeding requests failed");
    }

    static Void deliver(String url, String body) {
        HttpResponse<String> response = send(url, body);
        if (response.statusCode() != 200 && !response.body().contains("ya existe una entrega activa")) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return null;
    }

    static Void put(String url, String body, ConcurrentSkipListSet<Long> ids) {
        return put(url, body, ids, null, null);
    }

    static Void put(String url, String body, ConcurrentSkipListSet<Long> ids, java.util.Map<Long, String> prescripcionOf,
            String prescripcion) {
        HttpResponse<String> response = send(url, body);
        if (response.statusCode() != 200) throw new IllegalStateException(response.statusCode() + " " + response.body());
        if (ids != null) {
            Matcher m = ID.matcher(response.body());
            if (!m.find()) throw new IllegalStateException("no Id in " + response.body());
            long id = Long.parseLong(m.group(1));
            ids.add(id);
            if (prescripcionOf != null) prescripcionOf.put(id, prescripcion);
        }
        return null;
    }

    static HttpResponse<String> send(String url, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
