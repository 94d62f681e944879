package co.mipresgateway.client.submit;

import co.mipresgateway.client.RetryPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/** One run of the submitter over one input file: check every row, send the good ones, write the results. */
final class SubmitRun {

    static final int ALL_OK = 0;
    static final int SOME_ROWS_FAILED = 1;

    /** {@code sentTo}: the service and the caller, as the summary names them (a scheduled run's log says where it went). */
    record Settings(SubmissionKind kind, Path input, Path journal, Path results, int concurrency, RetryPolicy retry,
                    boolean progress, String sentTo) {
    }

    private final Settings settings;
    private final Face face;
    private final PrintStream err;

    SubmitRun(Settings settings, Face face, PrintStream err) {
        this.settings = settings;
        this.face = face;
        this.err = err;
    }

    /** {@code table}: the rows of {@code settings.input()}, as read before the session was opened. */
    int execute(InputTable table) throws IOException, InterruptedException {
        Map<InputRow, Outcome> outcomes = new IdentityHashMap<>();
        List<SubmissionKind.Prepared> sendable = RowsCheck.sendable(table, settings.kind(), outcomes, err);

        AtomicReference<String> refusedCredentials = new AtomicReference<>();
        try (Journal journal = Journal.open(settings.journal(), settings.kind());
             Progress progress = new Progress(sendable.size(), "filas", err, settings.progress())) {
            RowSubmission submission = new RowSubmission(face, settings.kind(), journal, settings.retry());
            ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()));
            try {
                List<Future<Outcome>> futures = new ArrayList<>();
                for (SubmissionKind.Prepared row : sendable) {
                    futures.add(workers.submit(() -> {
                        Outcome outcome;
                        if (refusedCredentials.get() != null) {
                            outcome = Outcome.pending("no enviada: " + refusedCredentials.get());
                        } else {
                            try {
                                outcome = submission.submit(row);
                            } catch (RowSubmission.CredentialsRefused refused) {
                                refusedCredentials.compareAndSet(null, "credenciales rechazadas (" + refused.getMessage() + ")");
                                outcome = Outcome.pending("no enviada: " + refusedCredentials.get());
                            }
                        }
                        progress.rowFinished(outcome);
                        return outcome;
                    }));
                }
                for (int i = 0; i < sendable.size(); i++) {
                    try {
                        outcomes.put(sendable.get(i).row(), futures.get(i).get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        // The journal could not be written, or a bug: the row's outcome is unknown, a rerun settles it.
                        outcomes.put(sendable.get(i).row(), Outcome.pending(String.valueOf(e.getCause())));
                    }
                }
            } finally {
                workers.shutdownNow();
            }
        }
        ResultsWriter.write(settings.input(), settings.results(), table, settings.kind(), outcomes);
        return summarize(table, outcomes, refusedCredentials.get());
    }

    private int summarize(InputTable table, Map<InputRow, Outcome> outcomes, String refusedCredentials) {
        Map<Outcome.Status, Integer> counts = new HashMap<>();
        outcomes.values().forEach(o -> counts.merge(o.status(), 1, Integer::sum));
        for (InputRow row : table.rows()) {
            Outcome outcome = outcomes.get(row);
            if (outcome.status() == Outcome.Status.ERROR || outcome.status() == Outcome.Status.PENDIENTE
                    || outcome.status() == Outcome.Status.DIFIERE) {
                err.println("fila " + row.number() + ": " + outcome.status() + ": " + String.join(" ", outcome.errors()));
            }
        }
        int differ = counts.getOrDefault(Outcome.Status.DIFIERE, 0);
        err.printf("%s: %d OK, %d con error, %s, %s%s (%s). Resultados: %s · diario: %s%n",
                Counted.of(table.rows().size(), "fila", "filas"), counts.getOrDefault(Outcome.Status.OK, 0),
                counts.getOrDefault(Outcome.Status.ERROR, 0),
                Counted.of(counts.getOrDefault(Outcome.Status.INVALIDA, 0), "inválida", "inválidas"),
                Counted.of(counts.getOrDefault(Outcome.Status.PENDIENTE, 0), "pendiente", "pendientes"),
                differ == 0 ? "" : ", " + Counted.of(differ, "ya registrada", "ya registradas") + " con otros valores",
                settings.sentTo(), settings.results(), settings.journal());
        if (refusedCredentials != null) {
            err.println("Se detuvo el envío: " + refusedCredentials + ". Revise --nit y --token y vuelva a ejecutar.");
            return SessionOpening.CREDENTIALS_REFUSED;
        }
        return counts.getOrDefault(Outcome.Status.OK, 0) == table.rows().size() ? ALL_OK : SOME_ROWS_FAILED;
    }
}
