package co.mipresgateway.client.submit;

import co.mipresgateway.client.MipresException;
import co.mipresgateway.client.MipresTransportException;
import co.mipresgateway.client.MipresValidationException;
import co.mipresgateway.client.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row's way to exactly one record. A row whose request may have reached the service without an answer (a
 * timeout, a dropped connection, a 5xx or a 408, or a SENDING mark left by a killed run) is looked up with the
 * {@code ...XPrescripcion} query before it is sent again; a 422 is final and never retried.
 */
final class RowSubmission {

    /** The service refused the credentials themselves: no row can go through, the run stops. */
    static final class CredentialsRefused extends RuntimeException {
        CredentialsRefused(String message) {
            super(message);
        }
    }

    private final Face face;
    private final SubmissionKind kind;
    private final Journal journal;
    private final RetryPolicy retry;

    RowSubmission(Face face, SubmissionKind kind, Journal journal, RetryPolicy retry) {
        this.face = face;
        this.kind = kind;
        this.journal = journal;
        this.retry = retry;
    }

    Outcome submit(SubmissionKind.Prepared row) throws InterruptedException {
        Journal.Entry prior = journal.entry(row.id());
        if (prior != null && prior.state() == Journal.State.DONE) return Outcome.ok(prior.resultId());
        boolean marked = prior != null && prior.state() == Journal.State.SENDING;
        boolean lookFirst = marked;
        List<String> alreadyDone = null;
        String lastProblem = "sin respuesta";
        Optional<Duration> serviceAsked = Optional.empty();
        for (int attempt = 1; ; attempt++) {
            try {
                if (lookFirst) {
                    Optional<Long> found = kind.liveResult(face.records(kind, row.noPrescripcion()), row.id());
                    if (found.isPresent()) {
                        journal.done(row.id(), found.get());
                        return Outcome.ok(found.get());
                    }
                    if (alreadyDone != null) {
                        // The service says it is done, yet this row's prescription does not show it.
                        List<String> errors = new ArrayList<>(alreadyDone);
                        errors.add("no se encontró el registro activo del ID " + row.id() + " en la prescripción "
                                + row.noPrescripcion() + ": revise NoPrescripcion.");
                        journal.failed(row.id(), errors);
                        return Outcome.error(errors);
                    }
                    lookFirst = false;
                }
                if (!marked) {
                    journal.sending(row.id());
                    marked = true;
                }
                long created = face.send(kind, row.body());
                journal.done(row.id(), created);
                return Outcome.ok(created);
            } catch (MipresValidationException refused) {
                if (refused.isAlreadyDone() && alreadyDone == null) {
                    alreadyDone = refused.problems();
                    lookFirst = true;
                    attempt--;
                    continue;
                }
                journal.failed(row.id(), refused.problems());
                return Outcome.error(refused.problems());
            } catch (MipresException refused) {
                if (refused.status() == 401 || refused.status() == 403) throw new CredentialsRefused(refused.getMessage());
                if (!refused.isWorthRetrying()) {
                    journal.failed(row.id(), List.of(refused.getMessage()));
                    return Outcome.error(List.of(refused.getMessage()));
                }
                lastProblem = "HTTP " + refused.status() + ": " + refused.getMessage();
                serviceAsked = refused.retryAfter();
                // A lookup still owed (this failure may be the lookup's own) stays owed.
                lookFirst = lookFirst || !refused.nothingWasKept();
            } catch (MipresTransportException noAnswer) {
                lastProblem = noAnswer.getMessage();
                serviceAsked = Optional.empty();
                lookFirst = lookFirst || noAnswer.mayHaveReachedService();
            }
            if (attempt >= retry.maxAttempts()) {
                return Outcome.pending("sin respuesta definitiva tras " + attempt + " intentos (" + lastProblem
                        + "); vuelva a ejecutar: el diario la retoma.");
            }
            Thread.sleep(retry.delayAfter(attempt, serviceAsked).toMillis());
        }
    }
}
