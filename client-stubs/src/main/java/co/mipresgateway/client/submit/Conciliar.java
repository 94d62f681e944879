package co.mipresgateway.client.submit;

import co.mipresgateway.client.MipresDayQueryException;
import co.mipresgateway.client.MipresException;
import co.mipresgateway.client.MipresTransportException;
import co.mipresgateway.client.SuministroClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
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
                "Con --desde (y --hasta) además consulta esos días (...XFecha) y escribe en ARCHIVO.sobrantes.<ext> los"
                + " registros activos del servicio cuyo ID no está en el archivo (registrados a mano, por ejemplo).",
                "Códigos de salida: 0 todas las filas coinciden (y no sobra ningún registro); 1 alguna no; 2 uso o archivo; "
                + SessionOpening.EXIT_CODES_OF_A_SESSION})
final class Conciliar implements Callable<Integer> {

    @Mixin
    RowsFile file;

    @Mixin
    Connection connection;

    @Option(names = "--concurrency", defaultValue = "4", converter = PositiveOptions.Count.class, description = "prescripciones (o días) consultadas a la vez (${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--no-progress", description = "no mostrar el progreso aunque haya terminal")
    boolean noProgress;

    @Option(names = "--desde", converter = IsoDate.class,
            description = "primer día, aaaa-mm-dd, de los registros del servicio que se buscan en el archivo")
    LocalDate desde;

    @Option(names = "--hasta", converter = IsoDate.class,
            description = "último día, aaaa-mm-dd (por defecto el mismo --desde); a lo sumo un año")
    LocalDate hasta;

    @Override
    public Integer call() throws InterruptedException {
        String unusable = file.unusable();
        if (unusable != null) {
            System.err.println(unusable);
            return 2;
        }
        if (concurrency < 1) {
            System.err.println("--concurrency debe ser al menos 1");
            return 2;
        }
        if (hasta != null && desde == null) {
            System.err.println("--hasta va con --desde");
            return 2;
        }
        String range = desde == null ? null : SuministroClient.rangeProblem(desde, last());
        if (range != null) {
            System.err.println(range);
            return 2;
        }
        InputTable table = file.readOrTell(System.err);
        if (table == null) return 2;
        SuministroClient client;
        try {
            client = connection.openRestClient(concurrency);
        } catch (SessionOpening.NotOpened e) {
            System.err.println(FailureText.of(e));
            return e.exitCode();
        }
        Path resultsFile = file.results != null ? file.results : ResultsWriter.besideInput(file.input, "conciliacion");
        try {
            Days days = desde == null ? null : days(client);
            Map<InputRow, Outcome> outcomes = new IdentityHashMap<>();
            List<SubmissionKind.Prepared> rows = RowsCheck.sendable(table, file.kind, outcomes, System.err);
            Map<String, Future<List<?>>> byPrescripcion = query(client, rows);
            for (SubmissionKind.Prepared row : rows) {
                try {
                    outcomes.put(row.row(), RowAgainstRecords.compare(file.kind, row, byPrescripcion.get(row.noPrescripcion()).get()));
                } catch (ExecutionException failed) {
                    outcomes.put(row.row(), Outcome.pending("no se pudo consultar la prescripción " + row.noPrescripcion()
                            + ": " + FailureText.of(failed.getCause())));
                }
            }
            ResultsWriter.write(file.input, resultsFile, table, file.kind, outcomes);
            Map<Outcome.Status, Integer> counts = new EnumMap<>(Outcome.Status.class);
            outcomes.values().forEach(outcome -> counts.merge(outcome.status(), 1, Integer::sum));
            System.err.printf("%s: %s, %s, %s, %s, %d sin consultar (%s). Resultados: %s%n",
                    Counted.of(table.rows().size(), "fila", "filas"),
                    Counted.of(counts.getOrDefault(Outcome.Status.COINCIDE, 0), "coincide", "coinciden"),
                    Counted.of(counts.getOrDefault(Outcome.Status.DIFIERE, 0), "difiere", "difieren"),
                    Counted.of(counts.getOrDefault(Outcome.Status.FALTA, 0), "falta", "faltan"),
                    Counted.of(counts.getOrDefault(Outcome.Status.INVALIDA, 0), "inválida", "inválidas"),
                    counts.getOrDefault(Outcome.Status.PENDIENTE, 0), connection.describe("REST"), resultsFile);
            boolean everyRowMatches = counts.getOrDefault(Outcome.Status.COINCIDE, 0) == table.rows().size();
            boolean nothingMissingFromFile = days == null || writeNotInFile(days, table);
            return everyRowMatches && nothingMissingFromFile ? 0 : 1;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            System.err.println(FailureText.of(e));
            return 2;
        }
    }

    /** The records of the days asked, or why they could not be read. */
    private record Days(List<?> records, String failure) {
    }

    /** The days' query of the file's kind: the kinds of both commands share their names. */
    private QueryKind query() {
        return QueryKind.valueOf(file.kind.name());
    }

    /** Asked before the rows, so that a range refused ends the run before anything is written. */
    private Days days(SuministroClient client) {
        QueryKind query = query();
        try {
            return new Days(client.xFechaBetween(desde, last(), day -> query.xFecha(client, day)), null);
        } catch (MipresDayQueryException | MipresException | MipresTransportException e) {
            return new Days(null, FailureText.of(e));
        }
    }

    /** True when the days were read and none of their active records is missing from the file. */
    private boolean writeNotInFile(Days days, InputTable table) throws IOException {
        Path notInFile = ResultsWriter.besideInput(file.input, "sobrantes");
        if (days.failure() != null) {
            System.err.println("no se pudieron consultar los días " + desde + " a " + last() + ": " + days.failure()
                    + "; no se escribió " + notInFile);
            return false;
        }
        List<Object> records = RecordsNotInFile.of(file.kind, days.records(), table);
        RecordsFile.write(notInFile, query().recordType, records);
        System.err.printf("%s del servicio (%s a %s) que el archivo no tiene: %s%n",
                Counted.of(records.size(), "registro activo", "registros activos"), desde, last(), notInFile);
        return records.isEmpty();
    }

    private LocalDate last() {
        return hasta != null ? hasta : desde;
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
