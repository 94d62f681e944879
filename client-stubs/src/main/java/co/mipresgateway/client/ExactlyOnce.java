package co.mipresgateway.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PUT that creates a step (a programación, an entrega, a reporte), sent so that the step is recorded exactly once
 * although answers get lost. Public clients of the ministry never send such a PUT again after a timeout, for fear of
 * a double, and so deliveries go unreported. Here a request that may have reached the service without an answer (a
 * timeout, a dropped connection, a 5xx) is looked up with the {@code ...XPrescripcion} query before it is sent
 * again; one the service says it did not keep (a 408, "no se guardó nada") is sent again at once; a "ya existe" is
 * looked up and answered with the record that exists; any other refusal is final.
 */
public final class ExactlyOnce {

    /** One step of one chain ID, as the caller sends it and looks it up. */
    public interface Step {
        /** Sends the PUT; answers the id it created. */
        long send();

        /** The id of this chain ID's live record of this step (not annulled), if the service has one. */
        Optional<Long> lookUp();
    }

    private final RetryPolicy retry;

    public ExactlyOnce(RetryPolicy retry) {
        this.retry = retry;
    }

    /**
     * @param mayHaveBeenSent an earlier try may have recorded it (a killed run, a call that gave up): look it up first
     * @param beforeFirstSend run once, just before the first PUT leaves (a journal marks the row there)
     * @return the id the service created, or the one it already had
     * @throws MipresValidationException the service refused the body (not retried); also when it says the step
     *     exists but the lookup does not show it (a wrong NoPrescripcion, say)
     * @throws MipresException another final refusal (401, 403, 404...)
     * @throws MipresOutcomeUnknownException no final answer within the attempts: whether it was recorded is
     *     unknown, so the next try must pass {@code mayHaveBeenSent}
     */
    public long record(Step step, boolean mayHaveBeenSent, Runnable beforeFirstSend) throws InterruptedException {
        boolean sent = mayHaveBeenSent;
        boolean lookFirst = mayHaveBeenSent;
        MipresValidationException alreadyDone = null;
        RuntimeException lastFailure = null;
        Optional<Duration> serviceAsked = Optional.empty();
        for (int attempt = 1; ; attempt++) {
            try {
                if (lookFirst) {
                    Optional<Long> found = step.lookUp();
                    if (found.isPresent()) return found.get();
                    if (alreadyDone != null) throw notFoundThoughDone(alreadyDone);
                    lookFirst = false;
                }
                if (!sent) {
                    beforeFirstSend.run();
                    sent = true;
                }
                return step.send();
            } catch (MipresValidationException refused) {
                if (refused.isAlreadyDone() && alreadyDone == null) {
                    alreadyDone = refused;
                    lookFirst = true;
                    attempt--;
                    continue;
                }
                throw refused;
            } catch (MipresException refused) {
                if (!refused.isWorthRetrying()) throw refused;
                lastFailure = refused;
                serviceAsked = refused.retryAfter();
                // A lookup still owed (this failure may be the lookup's own) stays owed.
                lookFirst = lookFirst || !refused.nothingWasKept();
            } catch (MipresTransportException noAnswer) {
                lastFailure = noAnswer;
                serviceAsked = Optional.empty();
                lookFirst = lookFirst || noAnswer.mayHaveReachedService();
            }
            if (attempt >= retry.maxAttempts()) throw new MipresOutcomeUnknownException(attempt, lastFailure);
            Thread.sleep(retry.delayAfter(attempt, serviceAsked).toMillis());
        }
    }

    private static MipresValidationException notFoundThoughDone(MipresValidationException alreadyDone) {
        List<String> errors = new ArrayList<>(alreadyDone.problems());
        errors.add("no se encontró el registro activo de este ID en su prescripción: revise NoPrescripcion.");
        return new MipresValidationException(alreadyDone.status(), alreadyDone.getMessage(), errors);
    }
}
