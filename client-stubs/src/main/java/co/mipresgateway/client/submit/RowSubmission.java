package co.mipresgateway.client.submit;

import co.mipresgateway.client.ExactlyOnce;
import co.mipresgateway.client.MipresException;
import co.mipresgateway.client.MipresOutcomeUnknownException;
import co.mipresgateway.client.MipresValidationException;
import co.mipresgateway.client.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One row's way to exactly one record ({@link ExactlyOnce}), kept in the journal: marked SENDING before its first
 * request leaves, so that a run killed meanwhile looks the row up before it sends it again, and DONE or failed once
 * its outcome is known.
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
    private final ExactlyOnce exactlyOnce;

    RowSubmission(Face face, SubmissionKind kind, Journal journal, RetryPolicy retry) {
        this.face = face;
        this.kind = kind;
        this.journal = journal;
        this.exactlyOnce = new ExactlyOnce(retry);
    }

    Outcome submit(SubmissionKind.Prepared row) throws InterruptedException {
        Journal.Entry prior = journal.entry(row.id());
        String values = Journal.fingerprint(row.body());
        if (prior != null && prior.doneWith(values)) return Outcome.ok(prior.resultId());
        // A row marked sending, or done with other values (corrected after its record was annulled, say: a file the
        // ERP writes under the same name every day), is looked up first: the service has the last word on it.
        boolean marked = prior != null && prior.state() != Journal.State.FAILED;
        AtomicReference<List<?>> foundAmong = new AtomicReference<>();
        ExactlyOnce.Step step = new ExactlyOnce.Step() {
            @Override
            public long send() {
                foundAmong.set(null);
                return face.send(kind, row.body());
            }

            @Override
            public Optional<Long> lookUp() {
                List<?> records = face.records(kind, row.noPrescripcion());
                Optional<Long> found = kind.liveResult(records, row.id());
                foundAmong.set(found.isPresent() ? records : null);
                return found;
            }
        };
        try {
            long created = exactlyOnce.record(step, marked, () -> journal.sending(row.id()));
            if (foundAmong.get() != null) {
                // Found, not created now: an earlier try of ours, or a record someone else made ("ya existe"), which
                // may hold other values. Those are told, and not taken as this row's: a rerun finds them again.
                Outcome compared = RowAgainstRecords.compare(kind, row, foundAmong.get());
                if (compared.status() == Outcome.Status.DIFIERE) {
                    List<String> told = new ArrayList<>();
                    told.add("el servicio ya tenía este paso para el ID " + row.id() + " con otros valores. No se envió"
                            + " encima: anúlelo y vuelva a enviar la fila, o corrija el ERP.");
                    told.addAll(compared.errors());
                    journal.failed(row.id(), told);
                    return Outcome.differs(created, told);
                }
            }
            journal.done(row.id(), created, values);
            return Outcome.ok(created);
        } catch (MipresValidationException refused) {
            journal.failed(row.id(), refused.problems());
            return Outcome.error(refused.problems());
        } catch (MipresException refused) {
            if (refused.status() == 401 || refused.status() == 403) throw new CredentialsRefused(refused.getMessage());
            journal.failed(row.id(), List.of(refused.getMessage()));
            return Outcome.error(List.of(refused.getMessage()));
        } catch (MipresOutcomeUnknownException unknown) {
            return Outcome.pending(unknown.getMessage() + "; vuelva a ejecutar: el diario la retoma.");
        }
    }
}
