package co.mipresgateway.client.submit;

import co.mipresgateway.client.MipresException;
import co.mipresgateway.client.MipresTransportException;
import co.mipresgateway.client.SuministroClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mipres-client conciliar TIPO ARCHIVO}: the ERP's rows set against what the service recorded, read back with
 * the {@code ...XPrescripcion} query of each row's prescription. It finds what the ERP believes reported and the
 * service does not have (a lost run, a journal on another machine, an annulment by hand) and what the service has
 * with other values (a delivery typed by hand in the ministry's web module). Nothing is sent.
 */
@Command(name = "conciliar", mixinStandardHelpOptions = true,
        description = {"Compara cada fila del archivo (el mismo de submit) con lo que el servicio registró para su ID,"
                + " consultando la prescripción de la fila; no envía nada. Escribe ARCHIVO.conciliacion.<ext> con"
                + " Resultado COINCIDE, DIFIERE (y en qué campos), FALTA, INVALIDA o PENDIENTE (la consulta falló).",
                "Códigos de salida: 0 todas las filas coinciden; 1 alguna no; 2 uso o archivo; "
                + SessionOpening.EXIT_CODES_OF_A_SESSION})
final class Conciliar implements Callable<Integer> {

    @Mixin
    RowsFile file;

    @Mixin
    Connection connection;

    @Option(names = "--concurrency", defaultValue = "4", description = "prescripciones consultadas a la vez (${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--no-progress", description = "no mostrar el progreso aunque haya terminal")
    boolean noProgress;

    @Override
    public Integer call() throws InterruptedException {
        if (file.missing() != null) {
            System.err.println(file.missing());
            return 2;
        }
        if (concurrency < 1) {
            System.err.println("--concurrency debe ser al menos 1");
            return 2;
        }
        SuministroClient client;
        try {
            client = connection.openRestClient(1);
        } catch (SessionOpening.NotOpened e) {
            System.err.println(e.getMessage());
            return e.exitCode();
        }
        Path resultsFile = file.results != null ? file.results : ResultsWriter.besideInput(file.input, "conciliacion");
        try {
            InputTable table = InputReader.read(file.input);
            Map<InputRow, Outcome> outcomes = new IdentityHashMap<>();
            List<SubmissionKind.Prepared> rows = RowsCheck.sendable(table, file.kind, outcomes, System.err);
            Map<String, Future<List<?>>> byPrescripcion = query(client, rows);
            for (SubmissionKind.Prepared row : rows) {
                try {
                    outcomes.put(row.row(), RowAgainstRecords.compare(file.kind, row, byPrescripcion.get(row.noPrescripcion()).get()));
                } catch (ExecutionException failed) {
                    outcomes.put(row.row(), Outcome.pending("no se pudo consultar la prescripción " + row.noPrescripcion()
                            + ": " + failed.getCause().getMessage()));
                }
            }
            ResultsWriter.write(file.input, resultsFile, table, file.kind, outcomes);
            Map<Outcome.Status, Integer> counts = new EnumMap<>(Outcome.Status.class);
            outcomes.values().forEach(outcome -> counts.merge(outcome.status(), 1, Integer::sum));
            System.err.printf("%d filas: %d coinciden, %d difieren, %d faltan, %d inválidas, %d sin consultar. Resultados: %s%n",
                    table.rows().size(), counts.getOrDefault(Outcome.Status.COINCIDE, 0),
                    counts.getOrDefault(Outcome.Status.DIFIERE, 0), counts.getOrDefault(Outcome.Status.FALTA, 0),
                    counts.getOrDefault(Outcome.Status.INVALIDA, 0), counts.getOrDefault(Outcome.Status.PENDIENTE, 0),
                    resultsFile);
            return counts.getOrDefault(Outcome.Status.COINCIDE, 0) == table.rows().size() ? 0 : 1;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    /**
     * Each prescription of the rows asked once, {@code concurrency} at a time, a failed query asked again; on a
     * terminal the queries' progress is shown (against the ministry, 10,000 rows take many minutes).
     */
    private Map<String, Future<List<?>>> query(SuministroClient client, List<SubmissionKind.Prepared> rows)
            throws InterruptedException {
        RestFace face = new RestFace(client);
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        Map<String, Future<List<?>>> byPrescripcion = new LinkedHashMap<>();
        long prescripciones = rows.stream().map(SubmissionKind.Prepared::noPrescripcion).distinct().count();
        try (Progress progress = new Progress((int) prescripciones, "consultas", System.err,
                !noProgress && System.console() != null)) {
            for (SubmissionKind.Prepared row : rows) {
                byPrescripcion.computeIfAbsent(row.noPrescripcion(), no -> threads.submit(() -> {
                    boolean failed = true;
                    try {
                        List<?> records = client.queryRetried(() -> face.records(file.kind, no));
                        failed = false;
                        return records;
                    } finally {
                        progress.finished(failed);
                    }
                }));
            }
            for (Future<List<?>> answer : byPrescripcion.values()) {
                try {
                    answer.get();
                } catch (ExecutionException failed) {
                    // kept in the future: its rows are told
                }
            }
            return byPrescripcion;
        } finally {
            threads.shutdown();
        }
    }
}
