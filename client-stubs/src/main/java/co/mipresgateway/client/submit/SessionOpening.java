package co.mipresgateway.client.submit;

import co.mipresgateway.client.MipresException;
import co.mipresgateway.client.MipresTransportException;
import co.mipresgateway.client.RetryPolicy;
import co.mipresgateway.client.SuministroSoap;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens a command's session before it reads or sends anything. A service that cannot answer (no connection, no
 * answer, 5xx, 408, 429) is asked again a few times, since a cron run at night should not fail on the ministry's
 * passing blip; a refusal (wrong NIT or token, a blocked user) is final at once, since asking again would count
 * as another failed try towards the NIT's lock. The two failures end with different exit codes, so that a
 * scheduler can tell "fix the credentials" from "run again later".
 */
final class SessionOpening {

    /** The usage problem's code: the address given answers from another one. */
    static final int WRONG_ADDRESS = 2;
    static final int CREDENTIALS_REFUSED = 3;
    static final int SERVICE_UNAVAILABLE = 4;

    static final String EXIT_CODES_OF_A_SESSION = "3 credenciales rechazadas; 4 el servicio no respondió (vuelva a ejecutar "
            + "más tarde).";

    private static final RetryPolicy RETRY = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));

    /** Why a session could not be opened: the line to print and the command's exit code. */
    static final class NotOpened extends Exception {

        private final int exitCode;

        NotOpened(int exitCode, String message, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    private final String url;
    private final PrintStream err;

    SessionOpening(String url, PrintStream err) {
        this.url = url;
        this.err = err;
    }

    <T> T open(Supplier<T> opening) throws NotOpened, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return opening.get();
            } catch (MipresException | MipresTransportException | WebServiceException failure) {
                if (failure instanceof MipresException answered && answered.status() >= 300 && answered.status() < 400) {
                    // Not the credentials: "fix them" (3) would send the operator to the wrong place.
                    throw new NotOpened(WRONG_ADDRESS, "el servicio en " + url + " no abrió la sesión: " + failure.getMessage(), failure);
                }
                if (!isUnavailability(failure)) {
                    throw new NotOpened(CREDENTIALS_REFUSED, "el servicio en " + url + " no abrió la sesión: "
                            + failure.getMessage(), failure);
                }
                if (attempt >= RETRY.maxAttempts()) {
                    throw new NotOpened(SERVICE_UNAVAILABLE, "el servicio en " + url + " no respondió tras " + attempt
                            + " intentos (" + failure.getMessage() + "); no se envió nada: vuelva a ejecutar más tarde",
                            failure);
                }
                Duration wait = RETRY.delayAfter(attempt, askedWait(failure));
                err.println("el servicio en " + url + " no respondió (" + failure.getMessage() + "); se intenta de nuevo en "
                        + Math.max(1, Math.round(wait.toMillis() / 1000.0)) + " s");
                Thread.sleep(wait.toMillis());
            }
        }
    }

    /** The service could not answer, as opposed to answering no. */
    static boolean isUnavailability(RuntimeException failure) {
        if (failure instanceof MipresException answered) return answered.isWorthRetrying() || answered.status() == 429;
        if (failure instanceof MipresTransportException) return true;
        if (failure instanceof SOAPFaultException fault) return !SuministroSoap.isClientFault(fault);
        return failure instanceof WebServiceException;
    }

    private static Optional<Duration> askedWait(RuntimeException failure) {
        return failure instanceof MipresException answered ? answered.retryAfter() : Optional.empty();
    }
}
